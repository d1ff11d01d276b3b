// Applied idempotently by the Neo4j store at start-up (every statement uses IF NOT EXISTS).
// One uniqueness constraint (and so one index) per node label on id.
CREATE CONSTRAINT skill_id IF NOT EXISTS FOR (n:Skill) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT occupation_id IF NOT EXISTS FOR (n:Occupation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT member_id IF NOT EXISTS FOR (n:Member) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT job_id IF NOT EXISTS FOR (n:Job) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT company_id IF NOT EXISTS FOR (n:Company) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT location_id IF NOT EXISTS FOR (n:Location) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT title_id IF NOT EXISTS FOR (n:Title) REQUIRE n.id IS UNIQUE;
// Change feed (outbox), sequence counters and the audit log.
CREATE CONSTRAINT change_block_last IF NOT EXISTS FOR (b:_ChangeBlock) REQUIRE b.last IS UNIQUE;
// Events written one node each before 2026-12-07 (still read).
CREATE CONSTRAINT change_seq IF NOT EXISTS FOR (c:_Change) REQUIRE c.seq IS UNIQUE;
CREATE CONSTRAINT sequence_name IF NOT EXISTS FOR (s:_Sequence) REQUIRE s.name IS UNIQUE;
CREATE CONSTRAINT audit_seq IF NOT EXISTS FOR (a:_Audit) REQUIRE a.seq IS UNIQUE;
CREATE CONSTRAINT subject_id IF NOT EXISTS FOR (s:_Subject) REQUIRE s.id IS UNIQUE;
CREATE INDEX audit_at IF NOT EXISTS FOR (a:_Audit) ON (a.at);
CREATE INDEX audit_feed IF NOT EXISTS FOR (a:_Audit) ON (a.feed, a.seq);
