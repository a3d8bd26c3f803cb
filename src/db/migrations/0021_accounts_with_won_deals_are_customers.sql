-- Left empty on purpose. A first version promoted the prospects with a won deal to customers; it
-- was taken back before it was released, because the account status decides a rep plan's
-- activity norms and the plans were not yet recomputed for it (issue #16 item 5).
SELECT 1;
