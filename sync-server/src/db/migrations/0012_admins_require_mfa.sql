-- The workspace policy "admins must use two-step sign-in": while it is on, an admin without a
-- second factor may only enrol one (handlers/dispatch.ts). Off by default: turning it on is the
-- admin's choice, and the server refuses it while that admin has not enrolled.
ALTER TABLE `workspace_settings` ADD `admins_require_mfa` boolean DEFAULT false NOT NULL;
