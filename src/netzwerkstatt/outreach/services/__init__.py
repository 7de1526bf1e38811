"""Every write of the outreach app: one function per change, audit-logged with the programme.

``transfers``: adopting a practice and the transfer's plan and states; ``capacity``: the
capacity-building plans of networks; ``logs``: the stakeholder and dissemination logs."""
