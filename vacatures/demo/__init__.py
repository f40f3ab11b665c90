"""Demo job boards served on 127.0.0.1, with seeded Dutch vacancies."""
