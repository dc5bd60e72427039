"""The lunar calendar of one civil date or one instant, for a place — what the UI shows.

All instants are UTC-aware datetimes; the place's time zone only decides which civil date a
boundary falls on and how it is displayed (:meth:`DayReport.to_dict`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from core.i18n import gettext
from core.interpret.types import LunarContext
from core.lunar.astro import (
    PhaseEvent,
    check_date,
    check_moment,
    elongation,
    illumination,
    moon_longitude,
    phase_events,
    sign_index,
    to_datetime,
    to_ephem,
)
from core.lunar.days import (
    ComputePlace,
    LunarDay,
    compute_place,
    lunar_day_at_t,
    lunar_days_between,
)
from core.lunar.interpreter import folklore_note
from core.lunar.names import (
    EVENT_PHASE_KEY,
    PHASE_NAMES,
    SIGN_KEYS,
    SIGN_NAMES,
    SIGN_PHRASES,
    phase_key_for_elongation,
)
from core.lunar.places import Place
from core.lunar.riseset import events_between
from core.lunar.track import MoonTrack

_BETWEEN_PHASES = ("waxing_crescent", "waxing_gibbous", "waning_gibbous", "waning_crescent")


@dataclass(frozen=True, slots=True)
class DayReport:
    """The moon on one local date at one place."""

    date: date
    place: Place
    computed_at: ComputePlace  # where lunar days were computed (rounded; clamped beyond ±60°)
    lunar_days: tuple[LunarDay, ...]  # every lunar day overlapping the date
    moonrises: tuple[datetime, ...]  # UTC
    moonsets: tuple[datetime, ...]
    phase_events: tuple[PhaseEvent, ...]  # principal phases falling on the date
    phase_key: str
    illumination: float  # at local noon, 0..1
    sign_key: str  # at local noon

    @property
    def latitude_clamped(self) -> bool:
        return self.computed_at.latitude_clamped

    def local(self, moment: datetime) -> datetime:
        """``moment`` in the place's time zone."""
        return moment.astimezone(self.place.zone)

    def _local_iso(self, moment: datetime) -> str:
        return self.local(moment).isoformat()

    def to_dict(self, locale: str | None = None) -> dict[str, object]:
        """JSON-ready view with local ISO-8601 times; names translated when ``locale`` given."""
        iso = self._local_iso
        return {
            "date": self.date.isoformat(),
            "place": {
                "name": self.place.name,
                "lat": self.place.lat,
                "lon": self.place.lon,
                "tz": self.place.tz,
            },
            "latitude_clamped": self.latitude_clamped,
            "computed_lat": self.computed_at.lat,
            "lunar_days": [
                {"number": d.number, "start": iso(d.start), "end": iso(d.end)}
                for d in self.lunar_days
            ],
            "moonrise": [iso(m) for m in self.moonrises],
            "moonset": [iso(m) for m in self.moonsets],
            "phase_events": [{"kind": e.kind, "time": iso(e.utc)} for e in self.phase_events],
            "phase": self.phase_key,
            "phase_name": gettext(PHASE_NAMES[self.phase_key], locale),
            "illumination": round(self.illumination, 4),
            "sign": self.sign_key,
            "sign_name": gettext(SIGN_NAMES[self.sign_key], locale),
        }


def local_day_bounds(day: date, place: Place) -> tuple[datetime, datetime]:
    """UTC instants of local midnight starting and ending ``day`` (DST-aware)."""
    start = datetime.combine(day, time(0), tzinfo=place.zone)
    end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=place.zone)
    return start.astimezone(UTC), end.astimezone(UTC)


def _phase_key_for_date(events: list[PhaseEvent], noon_elongation: float) -> str:
    """A principal phase only on the date it happens; otherwise the phase between."""
    if events:
        return EVENT_PHASE_KEY[events[0].kind]
    return _BETWEEN_PHASES[int((noon_elongation % 360.0) // 90.0)]


def day_report(day: date, place: Place, *, clamp_polar: bool = True) -> DayReport:
    """The moon on local date ``day`` at ``place`` (see the module doc of ``days`` on ±60°)."""
    check_date(day)
    at = compute_place(place.lat, place.lon, clamp_polar)
    start, end = local_day_bounds(day, place)
    t0, t1 = to_ephem(start), to_ephem(end)
    # Rise/set where the user is: at the computation place (so that they match the lunar-day
    # boundaries) unless that place was clamped, then at the real one.
    lat, lon = (place.lat, place.lon) if at.latitude_clamped else (at.lat, at.lon)
    track = MoonTrack(t0, t1 + 2.0)
    events = phase_events(t0, t1)
    noon = t0 + (t1 - t0) / 2.0
    return DayReport(
        date=day,
        place=place,
        computed_at=at,
        lunar_days=tuple(lunar_days_between(t0, t1, at)),
        moonrises=tuple(to_datetime(t) for t in events_between(lat, lon, t0, t1, "rise", track)),
        moonsets=tuple(to_datetime(t) for t in events_between(lat, lon, t0, t1, "set", track)),
        phase_events=tuple(events),
        phase_key=_phase_key_for_date(events, elongation(noon)),
        illumination=illumination(noon),
        sign_key=SIGN_KEYS[sign_index(moon_longitude(noon))],
    )


def lunar_day_at(moment: datetime, place: Place, *, clamp_polar: bool = True) -> LunarDay:
    """The lunar day in progress at ``moment`` (UTC-aware) at ``place``."""
    t = check_moment(moment)
    return lunar_day_at_t(t, compute_place(place.lat, place.lon, clamp_polar))


def lunar_context(moment: datetime, place: Place, locale: str | None) -> LunarContext:
    """The lunar context of a dream dreamt at ``moment``, for the interpreter."""
    t = check_moment(moment)
    day = lunar_day_at_t(t, compute_place(place.lat, place.lon))
    phase_key = phase_key_for_elongation(elongation(t))
    sign_key = SIGN_KEYS[sign_index(moon_longitude(t))]
    return LunarContext(
        lunar_day=day.number,
        phase_name=gettext(PHASE_NAMES[phase_key], locale),
        phase_key=phase_key,
        illumination=illumination(t),
        sign=gettext(SIGN_NAMES[sign_key], locale),
        folklore_note=folklore_note(day.number, phase_key, locale),
        sign_phrase=gettext(SIGN_PHRASES[sign_key], locale),
    )
