-- Figures computed over synthetic demo data must say so: this lets the analytics ask "is any application
-- in the window synthetic?" with one index probe instead of scanning the window.
create index applications_synthetic_applied_at_idx on applications (applied_at) where is_synthetic;
