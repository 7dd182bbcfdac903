-- A change of email waits in the token mailed to the new address: the address is kept with the
-- token, and the account's email changes only when the link comes back. Tokens of the other
-- purposes carry no address.
ALTER TABLE email_tokens ADD COLUMN new_email text CHECK (new_email = lower(new_email));
ALTER TABLE email_tokens DROP CONSTRAINT email_tokens_purpose_check;
ALTER TABLE email_tokens ADD CONSTRAINT email_tokens_purpose_check
    CHECK (purpose IN ('verification', 'reset', 'email_change'));
ALTER TABLE email_tokens ADD CONSTRAINT email_tokens_change_has_address
    CHECK ((purpose = 'email_change') = (new_email IS NOT NULL));
