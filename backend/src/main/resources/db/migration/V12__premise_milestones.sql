-- When each premise first reached each step of the rollout, from its history: progress figures on
-- any date are then comparisons of dates, without replaying 6 million events per request.
-- Derived data (rebuilt after each full eligibility recompute), hence unlogged.
CREATE UNLOGGED TABLE premise_milestone (
    premise_id    bigint PRIMARY KEY REFERENCES premise (id),
    targeted_on   date,
    works_on      date,
    built_on      date,
    abandoned_on  date,
    subscribed_on date
);
