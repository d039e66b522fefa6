-- Unused hours "по договору сгорают, по факту переносятся": the de facto carry-over stays (the running
-- balance), and a window in months beyond which unused hours no longer count in the balance within
-- the window. Per catalogue plan (12 months to begin with), and per contract, overriding the plan's;
-- null: no window (every unused hour counts).
alter table plan add column carry_over_months int check (carry_over_months between 1 and 120);
update plan set carry_over_months = 12;
alter table contract add column carry_over_months int check (carry_over_months between 1 and 120);
