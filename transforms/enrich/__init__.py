"""Enrichment: occupation videos, trainings and the networks of clients.

A vacancy is connected to a picture of its occupation (:mod:`.videos`), to the
trainings that lead to it (:mod:`.trainings`) and to the people a client knows
at its employer (:mod:`.contacts`); :mod:`.matching` ranks open vacancies for
each client. :mod:`.night` runs all of it on the warehouse as one step.
"""
