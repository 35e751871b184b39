-- "Remember me" becomes one row per device for as long as the device stays remembered, a series
-- (org.microblog.domain.account.RememberMeToken): the selector names the series and never changes; each use
-- rotates the validator in place instead of making a new row. Before, a sign-out deleted only the newest row of
-- a device, so the row it replaced kept signing in for its grace, and a thief who used a copied cookie first kept
-- the new row the copy had made. With one row a device, deleting it ends every cookie the device was ever given.
-- Written in the SQL that Apache Derby and PostgreSQL share.

-- Rows replaced under the old scheme sign in for 30 seconds at most and their replacements are rows of their own,
-- which become series as they are: nobody stays remembered by the deleted rows, and what is left is one row per
-- device. An instance of an earlier version cannot read the table afterwards: upgrade every instance together.
DELETE FROM remember_me_tokens WHERE replaced_at IS NOT NULL;
ALTER TABLE remember_me_tokens DROP COLUMN replaced_at;

-- The validator a rotation replaced (its SHA-256, as validator_hash) and when: that one still signs in for a few
-- seconds (the parallel requests of one page load carry it); after that, or with any other validator, the series
-- is taken as stolen and every token of its user is deleted. Empty until the series is first used.
ALTER TABLE remember_me_tokens ADD COLUMN previous_validator_hash VARCHAR(64);
ALTER TABLE remember_me_tokens ADD COLUMN rotated_at TIMESTAMP;
