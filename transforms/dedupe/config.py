"""Tuning of the dedupe stages: every threshold and weight in one place."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["DedupeConfig"]


@dataclass(frozen=True)
class DedupeConfig:
    """Thresholds and weights of blocking, scoring and clustering.

    The defaults were chosen on labelled sets with board-specific noise; every
    stage takes its values from here, so a run can be retuned without code.

    Parameters
    ----------
    max_block_size : int
        A blocking key shared by more postings than this is not compared all
        against all; its postings are sorted and each is compared with its
        ``block_window`` neighbours (the sorted-neighbourhood method).
    block_window : int
        Neighbours compared within an oversized block.
    neighbourhood_window : int
        Neighbours compared when the postings of a municipality are sorted by
        title.
    minhash_bins : int
        Bins of the one-permutation MinHash signature of a description.
    lsh_bands : int
        Bands of the LSH index; ``minhash_bins`` must be a multiple of it. With
        32 bins and 4 bands of 8 rows, descriptions with a Jaccard similarity of
        about 0.8 become candidates two times out of three: the index finds
        near-copies that the keys miss, not every paraphrase.
    shingle_words : int
        Words per shingle of a description.
    description_words : int
        Leading words of a description used for its signature.
    description_prefix_chars : int
        Leading characters of the normalised description compared with
        rapidfuzz (truncated copies keep the start of a text).
    monthly_salary_range : tuple of float
        Plausible gross pay per month. A salary outside it in its stated
        period is read in a period that brings it inside (boards label yearly
        amounts as monthly).
    description_ratio_floor : float
        rapidfuzz ratio of the description starts that unrelated texts reach;
        the ratio is rescaled so this becomes 0.
    weight_title, weight_employer, weight_place, weight_description, \
weight_hours, weight_salary : float
        Weights of the similarities in the pair score. A similarity that cannot
        be computed (a field missing on either side) drops out, and the
        remaining weights are renormalised. Equal salaries weigh more than equal
        hours: many jobs have 40 hours, few pay exactly the same.
    weight_description_hidden : float
        Weight of the description when either posting hides its employer and
        no known term (hours, salary) disagrees while one agrees: an agency
        writes its own text around its client's job, so a text that differs
        says less against a match than it does between two named employers'
        copies.
    hidden_max_crowd : int
        The lower weight applies only while at most this many postings share
        the title in the municipality; among more, the text must tell them
        apart.
    match_threshold : float
        A pair scoring at least this is the same vacancy.
    hidden_employer_threshold : float
        The threshold when one posting hides its employer (an agency's
        "onze opdrachtgever"): without the employer the rest must agree more.
    sole_employer_min_title : float
        A posting that hides its employer, in a municipality where one named
        employer posts the same job within the date grace, matches that
        employer's posting when their titles are at least this similar.
    sole_employer_min_score, sole_employer_min_hours, \
sole_employer_min_salary, sole_employer_min_description : float
        What such a pair must still reach: its score without the employer,
        the agreement of hours and of salary where both sides give them, and
        the similarity of the texts.
    single_job_min_score : float
        Two boards' postings of one employer's job in one municipality, with
        equal titles (or titles naming one occupation), within the date
        grace, and listed once on every board (no store-by-store chain),
        match when they score at least this and their terms do not disagree,
        whatever their texts. Above 1 the rule is off.
    agency_max_gap_days : int
        Days an agency's copy may lie from the employer's posting for the
        two rules above (agencies take a job on after its first posting).
    agency_terms_agreement : float
        Where several named employers post the job in the municipality, a
        posting hiding its employer matches the one whose hours and salary
        both agree at least this much (and only its best links are kept).
    hidden_margin : float
        A posting hiding its employer keeps only its links to named employers'
        postings that score within this margin of its best link.
    min_title_similarity : float
        Below this title similarity a pair is never a match, whatever else
        agrees.
    min_title_similarity_with_description : float
        The lower title similarity accepted when both employers are known and
        agree and the descriptions agree at least ``description_confirms`` (a
        board that retitled a copied text).
    description_confirms : float
        Description similarity that counts as the same text.
    use_occupations : bool
        Code titles to occupations (the bundled starter taxonomy of
        :mod:`transforms.occupations`), so that a copy retitled in other words
        ("Handhaver", "Toezichthouder openbare ruimte") at the same employer
        in the same municipality can still match; such titles also share a
        blocking key.
    occupation_min_score : float
        Lowest coder score at which a title, or a word of it, names an
        occupation.
    retitled_min_agreement : float
        Agreement of hours and of salary (where known) that a retitled copy
        needs: postings of one employer in one municipality, within
        ``date_grace_days``, whose titles name the same occupation in other
        words or whose texts are copies (``copy_min_jaccard``). A posting that
        hides its employer qualifies only with both hours and salary known.
        For titles in other words with either term unknown, the descriptions
        must agree at least ``description_confirms`` instead.
    requalified_min_jaccard : float
        Titles whose own words differ ("medewerker groenvoorziening",
        "medewerker buitendienst") over texts at least this similar, within
        the same gate, are one job retitled by a board.
    copy_min_jaccard : float
        Estimated Jaccard similarity of two descriptions' word pairs at which
        one text is a copy of the other. The rapidfuzz ratio of the starts is
        no proof here: one employer's ads start with the same introduction.
    retitled_title_similarity : float
        Title similarity given to a retitled copy; the other fields must still
        bring the score to the threshold.
    min_qualifier_similarity : float
        When each title has words the other lacks ("docent wiskunde" and
        "docent scheikunde"), those words must be at least this similar
        (typos, compounds); otherwise the jobs differ.
    min_employer_similarity : float
        Two known employers less similar than this are different employers.
    renamed_min_jaccard : float
        Two employers that differ are still one when their postings share
        title, municipality and dates within the grace and their texts are
        copies at least this similar (estimated Jaccard of word pairs): one
        job under two names of its employer. The pair is then scored without
        the employer.
    owner_min_jaccard : float
        Where one of two employers goes by a legal owner's name ("Berg
        Holding B.V."), municipality, dates within the grace and texts at
        least this similar suffice for the same rule; the titles are then
        compared as usual.
    named_min_jaccard : float
        Two employers that differ are one when the text of one posting names
        the other's employer ("Bodegravens Ziekenhuis is ..." under
        "Stichting Zorgcombinatie"), for one job in one municipality within
        the date grace, with texts at least this similar.
    one_sided_discriminator_penalty : float
        Score subtracted per kind of discriminating title word (licence class,
        seniority, rank, number) that one title has and the other lacks.
    date_grace_days : int
        Postings this many days apart or fewer get no date penalty.
    max_date_gap_days : int
        Postings further apart than this are different vacancies (a job
        posted again after months is a new vacancy).
    date_penalty : float
        Score subtracted at ``max_date_gap_days``, linear from the grace.
    hours_tolerance : float
        Hours per week two ranges may lie apart and still agree; further apart
        they are different vacancies.
    hours_slack : float
        Difference in hours per week at which two ranges stop agreeing at all
        (within the tolerance they are no conflict, but copies repeat the
        hours).
    salary_tolerance : float
        Relative gap two monthly salary ranges may have and still agree;
        further apart they are different vacancies.
    salary_slack : float
        Relative difference at which two salaries given in the same period
        (both monthly, say) stop agreeing at all: copies repeat the amounts.
    cluster_min_link : float
        Every member of a cluster must score at least this with the cluster's
        centre; members that do not are split off (guards against chains).
    same_board_threshold : float
        Two postings of one board join one vacancy only with this score,
        unless the second is a repost.
    repost_min_title, repost_min_description : float
        A repost on one board: one named employer in one municipality, titles
        and texts at least this similar, every known term repeated. It needs
        only the usual threshold (the date penalty still counts).
    max_cluster_size : int
        Components larger than this are split by raising the edge threshold
        step by step.
    workers : int
        Threads rapidfuzz uses to compare pairs; -1 for every core.
    """

    max_block_size: int = 24
    block_window: int = 8
    neighbourhood_window: int = 4
    minhash_bins: int = 32
    lsh_bands: int = 4
    shingle_words: int = 2
    description_words: int = 200
    description_prefix_chars: int = 300
    description_ratio_floor: float = 0.5
    monthly_salary_range: tuple[float, float] = (500.0, 20_000.0)
    weight_title: float = 3.0
    weight_employer: float = 2.0
    weight_place: float = 1.0
    weight_description: float = 2.5
    weight_description_hidden: float = 1.5
    hidden_max_crowd: int = 12
    weight_hours: float = 1.0
    weight_salary: float = 2.5
    match_threshold: float = 0.77
    hidden_employer_threshold: float = 0.81
    hidden_margin: float = 0.03
    sole_employer_min_title: float = 0.85
    sole_employer_min_score: float = 0.55
    sole_employer_min_hours: float = 0.9
    sole_employer_min_salary: float = 0.5
    sole_employer_min_description: float = 0.05
    single_job_min_score: float = 0.6
    agency_max_gap_days: int = 14
    agency_terms_agreement: float = 0.9
    min_title_similarity: float = 0.72
    min_title_similarity_with_description: float = 0.55
    description_confirms: float = 0.80
    use_occupations: bool = True
    occupation_min_score: float = 0.85
    retitled_min_agreement: float = 0.95
    copy_min_jaccard: float = 0.9
    requalified_min_jaccard: float = 0.8
    retitled_title_similarity: float = 0.85
    min_qualifier_similarity: float = 0.8
    min_employer_similarity: float = 0.88
    renamed_min_jaccard: float = 0.9
    owner_min_jaccard: float = 0.5
    named_min_jaccard: float = 0.5
    one_sided_discriminator_penalty: float = 0.04
    date_grace_days: int = 10
    max_date_gap_days: int = 60
    date_penalty: float = 0.3
    hours_tolerance: float = 2.0
    hours_slack: float = 4.0
    salary_tolerance: float = 0.15
    salary_slack: float = 0.03
    cluster_min_link: float = 0.50
    same_board_threshold: float = 0.97
    repost_min_title: float = 0.95
    repost_min_description: float = 0.9
    max_cluster_size: int = 12
    workers: int = 1

    def __post_init__(self) -> None:
        if self.minhash_bins % self.lsh_bands:
            raise ValueError("minhash_bins must be a multiple of lsh_bands")
        if not 0 < self.cluster_min_link <= self.match_threshold:
            raise ValueError("cluster_min_link must lie in (0, match_threshold]")
