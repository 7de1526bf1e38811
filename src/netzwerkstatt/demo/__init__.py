"""Demo data: a fictional but realistic set of programmes, organisations and people.

Not a Django app and without models. ``spec`` describes the shape of the data, the ``data_*``
modules hold the four programmes modelled on the seed texts and (``data_calls*``) their calls for
expressions of interest, ``people`` the accounts to log in with, and ``loader`` (with ``calls``
for the calls, ``matching`` and ``review`` for what followed the closed one, ``workprogrammes``
and ``tandems`` for the networks at work, from ``data_workprogrammes`` and ``data_tandems``, and
``meetings`` for their events) writes everything through the domain services so the audit log
fills as it would in real use. ``manage.py load_demo`` calls ``loader.load_demo``.
"""
