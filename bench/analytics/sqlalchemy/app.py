"""The trainer's analytics summary, load series and plan progress as the original design's stack
(FastAPI + SQLAlchemy ORM on PostgreSQL) would write them: models, a session per request, ORM
queries, and the arithmetic in Python. A benchmark's yardstick, not part of the project.

It reads the trainer's own tables (schema `trainer`) in read-only transactions and answers the
same JSON as the trainer's `/api/v1/analytics/summary`, `/api/v1/analytics/load` and
`/api/v1/analytics/plans/{id}/progress` (openapi/.../trainer.yaml) for the caller's own data.

What it leaves out, all in its favour: it does not verify the bearer token (it reads the caller's
id from the token's `sub` claim unchecked), it knows no coach shares (a caller sees only their own
runs, so no share check), it does not estimate a missing threshold pace, and it validates no more
than FastAPI's parameter types.

Run with `DATABASE_URL=postgresql://postgres@127.0.0.1:5432/DB uvicorn app:app --workers 2`.
"""
import base64
import json
import os
import uuid
from collections import defaultdict
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Optional
from zoneinfo import ZoneInfo

from fastapi import Depends, FastAPI, Header, HTTPException, Query
from sqlalchemy import (Column, Date, Float, ForeignKey, Integer, Numeric, Text, create_engine, func,
                        extract, literal_column)
from sqlalchemy.dialects.postgresql import UUID
from sqlalchemy.orm import Session, declarative_base, joinedload, relationship, selectinload, sessionmaker

engine = create_engine(os.environ.get("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/rt_bench_sqla"),
                       pool_size=10, max_overflow=0,
                       # The trainer's tables, never written from here.
                       connect_args={"options": "-c default_transaction_read_only=on"})
SessionLocal = sessionmaker(bind=engine)
Base = declarative_base()
SCHEMA = {"schema": "trainer"}


class TrainingPlan(Base):
    __tablename__ = "training_plans"
    __table_args__ = SCHEMA
    id = Column(UUID(as_uuid=True), primary_key=True)
    owner_id = Column(UUID(as_uuid=True), nullable=False)
    name = Column(Text, nullable=False)
    start_date = Column(Date, nullable=False)
    end_date = Column(Date, nullable=False)
    workouts = relationship("Workout", back_populates="plan")


class Workout(Base):
    __tablename__ = "workouts"
    __table_args__ = SCHEMA
    id = Column(UUID(as_uuid=True), primary_key=True)
    owner_id = Column(UUID(as_uuid=True), nullable=False)
    plan_id = Column(UUID(as_uuid=True), ForeignKey("trainer.training_plans.id"), nullable=False)
    name = Column(Text, nullable=False)
    workout_type = Column(Text, nullable=False)
    scheduled_date = Column(Date, nullable=False)
    distance_km = Column(Numeric(7, 3))
    duration_minutes = Column(Numeric(7, 2))
    plan = relationship("TrainingPlan", back_populates="workouts")
    runs = relationship("Run", back_populates="workout")


class Run(Base):
    __tablename__ = "runs"
    __table_args__ = SCHEMA
    id = Column(UUID(as_uuid=True), primary_key=True)
    owner_id = Column(UUID(as_uuid=True), nullable=False)
    workout_id = Column(UUID(as_uuid=True), ForeignKey("trainer.workouts.id"))
    actual_date = Column(Date, nullable=False)
    distance_km = Column(Numeric(7, 3), nullable=False)
    duration_minutes = Column(Numeric(7, 2), nullable=False)
    average_pace = Column(Numeric(9, 3), nullable=False)
    notes = Column(Text)
    source = Column(Text, nullable=False)
    km_squared_per_minute = Column(Float)
    workout = relationship("Workout", back_populates="runs")


class AthleteSettings(Base):
    __tablename__ = "athlete_settings"
    __table_args__ = SCHEMA
    owner_id = Column(UUID(as_uuid=True), primary_key=True)
    threshold_pace = Column(Numeric(6, 3))
    timezone = Column(Text, nullable=False, default="UTC")
    week_start = Column(Text, nullable=False, default="monday")


class Athlete:
    """The settings that analytics use, with the defaults of an athlete who saved none."""

    def __init__(self, row: Optional[AthleteSettings]):
        self.threshold_pace = row.threshold_pace if row else None
        self.zone = ZoneInfo(row.timezone if row else "UTC")
        self.week_start = row.week_start if row else "monday"
        self.first_isodow = 7 if self.week_start == "sunday" else 1

    def today(self) -> date:
        return datetime.now(self.zone).date()

    def week_of(self, day: date) -> date:
        return day - timedelta(days=(day.isoweekday() - self.first_isodow) % 7)


def db():
    s = SessionLocal()
    try:
        yield s
    finally:
        s.close()


def caller(authorization: str = Header(...)) -> uuid.UUID:
    """The `sub` of the bearer token, unchecked (see the module's docstring)."""
    try:
        payload = authorization.split(" ", 1)[1].split(".")[1]
        return uuid.UUID(json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))["sub"])
    except (IndexError, KeyError, ValueError) as e:
        raise HTTPException(401, "bad token") from e


def settings_of(s: Session, owner: uuid.UUID) -> Athlete:
    return Athlete(s.get(AthleteSettings, owner))


def number(value) -> Optional[float]:
    return None if value is None else float(value)


app = FastAPI()


@app.get("/health")
def health():
    return {"status": "ok"}


# ---------------------------------------------------------------- summary

@app.get("/api/v1/analytics/summary")
def summary(from_: Optional[date] = Query(None, alias="from"), to: Optional[date] = None, group: str = "sql",
            user: uuid.UUID = Depends(caller), s: Session = Depends(db)):
    """`group=sql` (default): sums, weeks and workout types summed by PostgreSQL, three aggregate
    queries; `group=python`: the runs loaded with their workouts and summed in Python."""
    athlete = settings_of(s, user)
    filters = [Run.owner_id == user]
    if from_ is not None:
        filters.append(Run.actual_date >= from_)
    if to is not None:
        filters.append(Run.actual_date <= to)
    if group == "python":
        return summary_in_python(s.query(Run).options(joinedload(Run.workout)).filter(*filters).all(), athlete,
                                 from_, to)
    runs, distance, duration, longest = s.query(
        func.count(Run.id), func.coalesce(func.sum(Run.distance_km), 0),
        func.coalesce(func.sum(Run.duration_minutes), 0), func.max(Run.distance_km)).filter(*filters).one()
    week = (Run.actual_date - (extract("isodow", Run.actual_date).cast(Integer) - athlete.first_isodow + 7) % 7)
    week = week.label("week_start")
    weekly = s.query(week, func.count(Run.id), func.sum(Run.distance_km), func.sum(Run.duration_minutes)) \
        .filter(*filters).group_by(literal_column("week_start")).order_by(literal_column("week_start")).all()
    kind = func.coalesce(Workout.workout_type, "unplanned").label("workout_type")
    by_type = s.query(kind, func.count(Run.id), func.sum(Run.distance_km), func.sum(Run.duration_minutes)) \
        .select_from(Run).outerjoin(Workout, (Workout.id == Run.workout_id) & (Workout.owner_id == Run.owner_id)) \
        .filter(*filters).group_by(kind).order_by(kind).all()
    pace = (duration / distance).quantize(Decimal("0.001"), ROUND_HALF_UP) if distance > 0 else None
    return {
        "from": from_, "to": to,
        "total_runs": runs, "total_distance_km": number(distance), "total_duration_minutes": number(duration),
        "average_pace": number(pace), "longest_run_km": number(longest),
        "weekly": [{"week_start": w, "runs": n, "distance_km": number(d), "duration_minutes": number(m)}
                   for w, n, d, m in weekly],
        "by_workout_type": [{"workout_type": t, "runs": n, "distance_km": number(d), "duration_minutes": number(m)}
                            for t, n, d, m in by_type],
    }


def summary_in_python(runs, athlete: Athlete, from_: Optional[date], to: Optional[date]):
    weeks, kinds = defaultdict(lambda: [0, Decimal(0), Decimal(0)]), defaultdict(lambda: [0, Decimal(0), Decimal(0)])
    for run in runs:
        for sums in (weeks[athlete.week_of(run.actual_date)],
                     kinds[run.workout.workout_type if run.workout else "unplanned"]):
            sums[0] += 1
            sums[1] += run.distance_km
            sums[2] += run.duration_minutes
    distance = sum((r.distance_km for r in runs), Decimal(0))
    duration = sum((r.duration_minutes for r in runs), Decimal(0))
    pace = (duration / distance).quantize(Decimal("0.001"), ROUND_HALF_UP) if distance > 0 else None
    return {
        "from": from_, "to": to,
        "total_runs": len(runs), "total_distance_km": number(distance), "total_duration_minutes": number(duration),
        "average_pace": number(pace), "longest_run_km": number(max((r.distance_km for r in runs), default=None)),
        "weekly": [{"week_start": w, "runs": n, "distance_km": number(d), "duration_minutes": number(m)}
                   for w, (n, d, m) in sorted(weeks.items())],
        "by_workout_type": [{"workout_type": k, "runs": n, "distance_km": number(d), "duration_minutes": number(m)}
                            for k, (n, d, m) in sorted(kinds.items())],
    }


# ---------------------------------------------------------------- load

FITNESS_DAYS, FATIGUE_DAYS, ACUTE_DAYS, CHRONIC_DAYS = 42, 7, 7, 28
ACWR_HIGH, DISTANCE_JUMP = 1.5, 1.3
DEFAULT_DAYS, MAX_DAYS = 90, 1096


@app.get("/api/v1/analytics/load")
def load(from_: Optional[date] = Query(None, alias="from"), to: Optional[date] = None, fold: str = "runs",
         user: uuid.UUID = Depends(caller), s: Session = Depends(db)):
    """`fold=runs` (default): every run's rTSS in Python, as the original design computes per run;
    `fold=days`: the day's sums from SQL (the trainer's query shape), only the fold in Python."""
    athlete = settings_of(s, user)
    to = to or athlete.today()
    from_ = from_ or to - timedelta(days=DEFAULT_DAYS - 1)
    if from_ > to or (to - from_).days + 1 > MAX_DAYS:
        raise HTTPException(422, "bad window")
    threshold = float(athlete.threshold_pace) if athlete.threshold_pace is not None else None
    factor = 100.0 / 60.0 * threshold * threshold if threshold is not None else None
    strain, km = defaultdict(float), defaultdict(float)
    if fold == "days":
        rows = s.query(Run.actual_date, func.sum(Run.km_squared_per_minute), func.sum(Run.distance_km)) \
            .filter(Run.owner_id == user, Run.actual_date <= to).group_by(Run.actual_date).all()
        for day, day_strain, day_km in rows:
            strain[day], km[day] = day_strain, float(day_km)
    else:
        for day, distance, minutes in s.query(Run.actual_date, Run.distance_km, Run.duration_minutes) \
                .filter(Run.owner_id == user, Run.actual_date <= to):
            distance = float(distance)
            strain[day] += distance * distance / float(minutes)
            km[day] += distance
    first = min(min(strain), from_) if strain else from_
    days = []
    ctl = atl = 0.0
    recent = [0.0] * CHRONIC_DAYS
    week, week_km, previous_week_km = None, 0.0, 0.0
    day = first
    i = 0
    while day <= to:
        day_load = (factor or 0.0) * strain.get(day, 0.0)
        day_km = km.get(day, 0.0)
        tsb = ctl - atl
        ctl += (day_load - ctl) / FITNESS_DAYS
        atl += (day_load - atl) / FATIGUE_DAYS
        recent[i % CHRONIC_DAYS] = day_load
        i += 1
        chronic = sum(recent)
        acute = sum(recent[(i - k) % CHRONIC_DAYS] for k in range(1, ACUTE_DAYS + 1))
        acwr = (acute / ACUTE_DAYS) / (chronic / CHRONIC_DAYS) if any(r > 0 for r in recent) else None
        start = athlete.week_of(day)
        if start != week:
            previous_week_km = week_km if week == start - timedelta(days=7) else 0.0
            week, week_km = start, 0.0
        week_km += day_km
        flags = []
        if acwr is not None and acwr > ACWR_HIGH:
            flags.append("acwr_high")
        if previous_week_km > 0 and week_km > DISTANCE_JUMP * previous_week_km:
            flags.append("distance_jump")
        if day >= from_:
            known = factor is not None
            days.append({
                "date": day, "distance_km": round(day_km, 3),
                "load": round(day_load, 1) if known else None, "ctl": round(ctl, 1) if known else None,
                "atl": round(atl, 1) if known else None, "tsb": round(tsb, 1) if known else None,
                "acwr": round(acwr, 2) if known and acwr is not None else None, "flags": flags,
            })
        day += timedelta(days=1)
    return {
        "athlete_id": user, "from": from_, "to": to, "week_start": athlete.week_start,
        "history_from": min(strain) if strain else None, "threshold_pace": threshold,
        "estimated": False, "estimated_from": None,
        "reason": None if threshold is not None else "no threshold pace in the settings",
        "days": days,
    }


# ---------------------------------------------------------------- plan progress

STATUSES = ("green", "yellow", "red", "missed", "upcoming", "rest")


def compliance(workout: Workout, today: date) -> str:
    """The trainer's Compliance: done over planned (duration, else distance) to two decimals, banded."""
    if workout.workout_type == "rest":
        return "rest"
    if not workout.runs:
        return "missed" if workout.scheduled_date < today else "upcoming"
    if workout.duration_minutes is not None:
        ratio = sum(r.duration_minutes for r in workout.runs) / workout.duration_minutes
    elif workout.distance_km is not None:
        ratio = sum(r.distance_km for r in workout.runs) / workout.distance_km
    else:
        return "green"
    ratio = ratio.quantize(Decimal("0.01"), ROUND_HALF_UP)
    if Decimal("0.80") <= ratio <= Decimal("1.20"):
        return "green"
    if Decimal("0.50") <= ratio <= Decimal("1.50"):
        return "yellow"
    return "red"


class Tally:
    def __init__(self):
        self.by_status = dict.fromkeys(STATUSES, 0)
        self.total = self.completed = self.unplanned_runs = 0
        self.planned_km = self.actual_km = self.unplanned_km = Decimal(0)

    def workout(self, workout: Workout, status: str):
        self.by_status[status] += 1
        if status == "rest":
            return
        self.total += 1
        self.completed += 1 if workout.runs else 0
        self.planned_km += workout.distance_km or 0
        self.actual_km += sum((r.distance_km for r in workout.runs), Decimal(0))

    def unplanned(self, run: Run):
        self.unplanned_runs += 1
        self.unplanned_km += run.distance_km

    def as_json(self):
        missed = self.by_status["missed"]
        due = self.completed + missed
        rate = (Decimal(self.completed) / due).quantize(Decimal("0.0001"), ROUND_HALF_UP) if due else 0
        return {
            "total_workouts": self.total, "completed_workouts": self.completed, "missed_workouts": missed,
            "upcoming_workouts": self.by_status["upcoming"], "completion_rate": float(rate),
            "planned_distance_km": float(self.planned_km), "actual_distance_km": float(self.actual_km),
            "by_status": dict(self.by_status), "unplanned_runs": self.unplanned_runs,
            "unplanned_distance_km": float(self.unplanned_km),
        }


@app.get("/api/v1/analytics/plans/{plan_id}/progress")
def plan_progress(plan_id: uuid.UUID, user: uuid.UUID = Depends(caller), s: Session = Depends(db)):
    plan = s.get(TrainingPlan, plan_id)
    if plan is None or plan.owner_id != user:
        raise HTTPException(404, "plan not found")
    athlete = settings_of(s, plan.owner_id)
    today = athlete.today()
    workouts = s.query(Workout).options(selectinload(Workout.runs)).filter(Workout.plan_id == plan.id).all()
    unplanned = s.query(Run).filter(Run.owner_id == plan.owner_id, Run.workout_id.is_(None),
                                    Run.actual_date.between(plan.start_date, plan.end_date)).all()
    overall, weeks = Tally(), defaultdict(Tally)
    for workout in workouts:
        status = compliance(workout, today)
        overall.workout(workout, status)
        weeks[athlete.week_of(workout.scheduled_date)].workout(workout, status)
    for run in unplanned:
        overall.unplanned(run)
        weeks[athlete.week_of(run.actual_date)].unplanned(run)
    answer = overall.as_json()
    answer.update(plan_id=plan.id, as_of=today,
                  weekly=[dict(weeks[start].as_json(), week_start=start) for start in sorted(weeks)])
    return answer
