"""Build the web map's world outline (src/newsevents/web/static/world.json) from Natural Earth.

Natural Earth's 1:110m admin-0 countries are public domain. Any copy of the shapefile works; the geopandas
0.14 wheel ships one (`pip download --no-deps geopandas==0.14.4`, unzip, point --shp at
geopandas/datasets/naturalearth_lowres/naturalearth_lowres.shp). The output is a list of rings per country in
[lon, lat] pairs rounded to 0.1 degree, so the package stays small and needs no geo library at run time.

    python scripts/build_world_outline.py --shp PATH/naturalearth_lowres.shp
"""

from __future__ import annotations

import argparse
import json
import struct
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "newsevents" / "web" / "static" / "world.json"


def read_polygons(shp: Path) -> list[list[list[tuple[float, float]]]]:
    """Rings of each polygon record of an ESRI shapefile (shape types 5/15/25)."""
    data = shp.read_bytes()
    offset = 100
    shapes = []
    while offset < len(data):
        _, length = struct.unpack(">2i", data[offset:offset + 8])
        body = data[offset + 8: offset + 8 + 2 * length]
        offset += 8 + 2 * length
        shape_type = struct.unpack("<i", body[:4])[0]
        if shape_type not in (5, 15, 25):
            shapes.append([])
            continue
        n_parts, n_points = struct.unpack("<2i", body[36:44])
        parts = list(struct.unpack(f"<{n_parts}i", body[44:44 + 4 * n_parts])) + [n_points]
        base = 44 + 4 * n_parts
        points = [struct.unpack("<2d", body[base + 16 * i: base + 16 * i + 16]) for i in range(n_points)]
        shapes.append([points[parts[i]:parts[i + 1]] for i in range(n_parts)])
    return shapes


def iso3_codes(dbf: Path) -> list[str]:
    """The iso_a3 column of the shapefile's attribute table."""
    data = dbf.read_bytes()
    n_records, header_len, record_len = struct.unpack("<xxxxIHH", data[:12])
    fields, pos = [], 32
    while data[pos] != 0x0D:
        name = data[pos:pos + 11].split(b"\0")[0].decode()
        fields.append((name, data[pos + 16]))
        pos += 32
    start = 1 + sum(size for name, size in fields[: [n for n, _ in fields].index("iso_a3")])
    size = dict(fields)["iso_a3"]
    return [data[header_len + i * record_len + start: header_len + i * record_len + start + size].decode().strip()
            for i in range(n_records)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shp", required=True, type=Path)
    args = parser.parse_args()
    codes = iso3_codes(args.shp.with_suffix(".dbf"))
    countries = []
    for code, rings in zip(codes, read_polygons(args.shp)):
        simplified = []
        for ring in rings:
            points = []
            for lon, lat in ring:
                point = [round(lon, 1), round(lat, 1)]
                if not points or point != points[-1]:
                    points.append(point)
            if len(points) >= 4:
                simplified.append(points)
        if simplified:
            countries.append({"iso3": code, "rings": simplified})
    OUT.write_text(json.dumps({"source": "Natural Earth 1:110m admin-0 (public domain)", "countries": countries},
                              separators=(",", ":")))
    print(f"{len(countries)} countries -> {OUT} ({OUT.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
