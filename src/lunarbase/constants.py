"""Physical constants and reference values, SI units, each with its source.

References
----------
.. [1] Smith, D. E. et al. (2010) Initial observations from the Lunar Orbiter Laser Altimeter
   (LOLA). GRL 37, L18204, doi:10.1029/2010GL043751 -- LOLA reference sphere R = 1737.4 km.
.. [2] Wieser, M. E. et al. (2013) Atomic weights of the elements 2011. Pure Appl. Chem. 85,
   1047-1078 -- He-3 and He-4 atomic masses (3.01603, 4.00260 u).
.. [3] Archinal, B. A. et al. (2018) Report of the IAU Working Group on Cartographic Coordinates
   and Rotational Elements: 2015. Celest. Mech. Dyn. Astr. 130:22 -- Moon mean radius.
.. [4] Mohr, P. J. et al. (2016) CODATA recommended values 2014, Rev. Mod. Phys. 88, 035009
   -- MeV-to-joule conversion.
.. [5] Seidelmann, P. K. (ed.) (1992) Explanatory Supplement to the Astronomical Almanac.
   University Science Books -- mean synodic month 29.530589 d.
"""

MOON_RADIUS_M = 1_737_400.0
"""Radius of the LOLA reference sphere [m] [1]_, also the IAU mean radius [3]_."""

MOON_SURFACE_AREA_M2 = 4.0 * 3.141592653589793 * MOON_RADIUS_M**2
"""Surface area of the reference sphere [m^2]."""

HE3_MOLAR_MASS_KG_PER_MOL = 3.01603e-3
"""Molar mass of helium-3 [kg/mol] [2]_."""

HE4_MOLAR_MASS_KG_PER_MOL = 4.00260e-3
"""Molar mass of helium-4 [kg/mol] [2]_."""

MEV_J = 1.602176634e-13
"""One MeV in joules [J] [4]_."""

AVOGADRO_PER_MOL = 6.02214076e23
"""Avogadro constant [1/mol] [4]_."""

SOLAR_DISK_RADIUS_DEG = 0.2666
"""Apparent angular radius of the Sun seen from the Moon at 1 au [deg] (959.6 arcsec)."""

SECONDS_PER_YEAR = 365.25 * 86400.0
"""Julian year [s]."""

HOURS_PER_YEAR = 365.25 * 24.0
"""Julian year [h]."""

SYNODIC_MONTH_D = 29.530589
"""Mean synodic month (new Moon to new Moon), the length of a lunar day-night cycle [d] [5]_."""
