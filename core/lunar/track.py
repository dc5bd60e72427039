"""The moon's geocentric apparent place, sampled every 12 h and interpolated.

A full ``ephem`` moon position costs about 35 µs; a lunation's moonrises need a few hundred of
them. The geocentric track does not depend on the place, so it is sampled once per time window
(and cached per lunation by :mod:`core.lunar.days`), and every observer reuses it: cubic
interpolation over 12 h steps is good to about a second of arc.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import ephem

STEP_DAYS = 0.5
_AU_KM = 149_597_870.7
_EARTH_RADIUS_KM = 6378.14
_JD_OF_EPHEM_ZERO = 2415020.0


@dataclass(frozen=True, slots=True)
class MoonPlace:
    """Geocentric apparent right ascension and declination of date, parallax and semidiameter."""

    ra: float  # radians, unwrapped (may exceed 2π)
    dec: float
    sin_parallax: float
    semidiameter: float


def _sample(t: float) -> tuple[float, float, float, float]:
    moon = ephem.Moon()
    of_date = ephem.Date(t)
    moon.compute(of_date, epoch=of_date)
    sin_parallax = _EARTH_RADIUS_KM / (float(moon.earth_distance) * _AU_KM)
    return float(moon.g_ra), float(moon.g_dec), sin_parallax, float(moon.radius)


def _cubic(values: tuple[float, ...] | list[float], i: int, u: float) -> float:
    """Lagrange interpolation through samples i-1..i+2 at fraction ``u`` between i and i+1."""
    p0, p1, p2, p3 = values[i - 1], values[i], values[i + 1], values[i + 2]
    return (
        -u * (u - 1) * (u - 2) / 6 * p0
        + (u + 1) * (u - 1) * (u - 2) / 2 * p1
        - (u + 1) * u * (u - 2) / 2 * p2
        + (u + 1) * u * (u - 1) / 6 * p3
    )


class MoonTrack:
    """Interpolated geocentric moon for ``[t0, t1]`` (ephem float dates)."""

    __slots__ = ("_dec", "_par", "_ra", "_sd", "first", "last", "start")

    def __init__(self, t0: float, t1: float) -> None:
        self.start = math.floor(t0 / STEP_DAYS) * STEP_DAYS - STEP_DAYS
        count = math.ceil((t1 - self.start) / STEP_DAYS) + 3
        samples = [_sample(self.start + i * STEP_DAYS) for i in range(count)]
        self._ra = _unwrap([s[0] for s in samples])
        self._dec = [s[1] for s in samples]
        self._par = [s[2] for s in samples]
        self._sd = [s[3] for s in samples]
        self.first = self.start + STEP_DAYS
        self.last = self.start + (count - 2) * STEP_DAYS

    def covers(self, t: float) -> bool:
        """True when ``t`` can be interpolated (not extrapolated)."""
        return self.first <= t < self.last

    def at(self, t: float) -> MoonPlace:
        """The moon's geocentric place at ``t`` (must be covered)."""
        x = (t - self.start) / STEP_DAYS
        i = int(x)
        u = x - i
        return MoonPlace(
            _cubic(self._ra, i, u),
            _cubic(self._dec, i, u),
            _cubic(self._par, i, u),
            _cubic(self._sd, i, u),
        )


def _unwrap(angles: list[float]) -> list[float]:
    """Remove the 2π jumps of right ascension so that it can be interpolated."""
    out = [angles[0]]
    for angle in angles[1:]:
        previous = out[-1]
        out.append(previous + math.remainder(angle - previous, 2.0 * math.pi))
    return out


def sidereal_angle(t: float) -> float:
    """Greenwich mean sidereal time (radians) at UT ephem date ``t`` (Meeus 12.4).

    The equation of the equinoxes (at most 1.2 s) is left out: it moves a moonrise by about a
    second, far below the minute of the published tables.
    """
    d = t + _JD_OF_EPHEM_ZERO - 2451545.0
    c = d / 36525.0
    degrees = 280.46061837 + 360.98564736629 * d + c * c * (0.000387933 - c / 38710000.0)
    return math.radians(degrees % 360.0)
