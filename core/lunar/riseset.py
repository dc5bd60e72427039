"""Moonrise and moonset for a place, USNO convention (upper limb, 34' refraction, no pressure).

``ephem``'s ``next_rising`` is robust but costs about 0.2 ms per event and a month picture needs
some sixty events, so here the events are found on an interpolated geocentric track
(:class:`~core.lunar.track.MoonTrack`) made topocentric with Meeus' parallax formulas, by
hour-angle iteration. Where that cannot converge (the moon grazes the horizon or stays up or down,
i.e. polar places) the search falls back to ``ephem`` itself.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import ephem

from core.lunar.track import MoonTrack, sidereal_angle

#: Altitude of the upper limb at rise/set: standard refraction, USNO style.
HORIZON = math.radians(-34.0 / 60.0)
#: Mean rate of the moon's hour angle, radians per day (sidereal rate minus the moon's motion).
_HA_RATE = 2.0 * math.pi * 0.966137
_TWO_PI = 2.0 * math.pi
_TOLERANCE_DAYS = 0.2 / 86400.0
_EARTH_AXIS_RATIO = 0.99664719  # b/a of the reference ellipsoid


@dataclass(frozen=True, slots=True)
class Site:
    """An observer at sea level: geodetic latitude/longitude (radians) and parallax factors."""

    lat: float
    lon: float
    rho_sin: float
    rho_cos: float

    @classmethod
    def from_degrees(cls, lat: float, lon: float) -> Site:
        phi = math.radians(lat)
        u = math.atan(_EARTH_AXIS_RATIO * math.tan(phi))
        return cls(phi, math.radians(lon), _EARTH_AXIS_RATIO * math.sin(u), math.cos(u))


def _topocentric(site: Site, track: MoonTrack, t: float) -> tuple[float, float, float]:
    """Topocentric hour angle, declination and semidiameter of the moon (Meeus ch. 40)."""
    place = track.at(t)
    hour_angle = sidereal_angle(t) + site.lon - place.ra
    denom = math.cos(place.dec) - site.rho_cos * place.sin_parallax * math.cos(hour_angle)
    d_ra = math.atan2(-site.rho_cos * place.sin_parallax * math.sin(hour_angle), denom)
    dec = math.atan2(
        (math.sin(place.dec) - site.rho_sin * place.sin_parallax) * math.cos(d_ra), denom
    )
    return hour_angle - d_ra, dec, place.semidiameter


def _target_hour_angle(site: Site, dec: float, semidiameter: float, kind: str) -> float | None:
    """Hour angle at which the upper limb touches the horizon; None if it does not today."""
    h0 = HORIZON - semidiameter
    cos_h = (math.sin(h0) - math.sin(site.lat) * math.sin(dec)) / (
        math.cos(site.lat) * math.cos(dec)
    )
    if not -1.0 < cos_h < 1.0:
        return None
    half_arc = math.acos(cos_h)
    return -half_arc if kind == "rise" else half_arc


def _iterate(site: Site, track: MoonTrack, t0: float, kind: str) -> float | None:
    hour_angle, dec, sd = _topocentric(site, track, t0)
    target = _target_hour_angle(site, dec, sd, kind)
    if target is None:
        return None
    t = t0 + ((target - hour_angle) % _TWO_PI) / _HA_RATE
    for _ in range(10):
        if not track.covers(t):
            return None
        hour_angle, dec, sd = _topocentric(site, track, t)
        target = _target_hour_angle(site, dec, sd, kind)
        if target is None:
            return None
        step = math.remainder(target - hour_angle, _TWO_PI) / _HA_RATE
        t += step
        if abs(step) < _TOLERANCE_DAYS:
            return t
    return None


def _ephem_next(lat: float, lon: float, t0: float, kind: str) -> float | None:
    observer = ephem.Observer()
    observer.lat, observer.lon = math.radians(lat), math.radians(lon)
    observer.elevation, observer.pressure, observer.horizon = 0.0, 0.0, HORIZON
    observer.date = t0
    moon = ephem.Moon()
    try:
        found = observer.next_rising(moon) if kind == "rise" else observer.next_setting(moon)
    except ephem.CircumpolarError:
        return None
    return float(found)


def events_between(
    lat: float, lon: float, t0: float, t1: float, kind: str, track: MoonTrack | None = None
) -> list[float]:
    """Every ``kind`` ("rise"/"set") event in ``(t0, t1)`` for the place, in time order.

    ``track`` must cover ``[t0, t1 + 2 days]``; one is made when not given.
    """
    track = track if track is not None else MoonTrack(t0, t1 + 2.0)
    site = Site.from_degrees(lat, lon)
    found: list[float] = []
    t = t0
    while t < t1:
        event = _iterate(site, track, t, kind)
        if event is None or event <= t or event > t + 1.6:
            event = _ephem_next(lat, lon, t, kind)
        if event is None or event >= t1:
            break
        found.append(event)
        t = event + 1.0 / 1440.0
    return found
