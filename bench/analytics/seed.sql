-- 25,000 runs over the 10 years to :today for the athlete :owner, straight into the trainer's
-- table (psql -v owner=UUID -v today=YYYY-MM-DD -v seed=0.42). setseed makes them the same on
-- every run: 6.8 runs a day on average (the issue's figure, more than any runner does: it is
-- the size that matters), 4 to 20 km at 4:30 to 6:30 per km, one in ten imported from Strava.
SELECT setseed(:seed) \g /dev/null
INSERT INTO trainer.runs (id, owner_id, actual_date, distance_km, duration_minutes, average_pace, source,
                          strava_activity_id, notes)
SELECT gen_random_uuid(), :'owner', :'today'::date - 3652 + (i * 3652 / 25000), km, round(km * pace, 2),
       round(pace, 3), CASE WHEN i % 10 = 0 THEN 'strava' ELSE 'manual' END, CASE WHEN i % 10 = 0 THEN 1000000000 + i END,
       'bench'
FROM (SELECT i, round((4 + random() * 16)::numeric, 3) AS km, (4.5 + random() * 2)::numeric AS pace
      FROM generate_series(0, 24999) AS i) AS generated;
