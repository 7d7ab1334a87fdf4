"""First names and their gender from the US Census Bureau's 1990 name tables, for pronoun
agreement (`she` is no one named Ted, `he` no Betty).

    python -m pip download names==0.3.0 --no-deps -d /tmp/names && tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    python tools/census_first_names.py /tmp/names/names-0.3.0/names > extract/data/census_first_names.tsv

The tables (dist.male.first, dist.female.first: a name, its percentage of the men or women
counted, ...) are public-domain Census data, shipped in the MIT-licensed `names` package on
PyPI, which is where this machine can get them; nothing of the package is imported. A name
gets a gender when at least 90 % of its share lies with one sex (`Ted` m, `Betty` f); names
used by both (`Jordan`, `Kelly`, `Lee`) get none. tools/learn_first_names.py's table, learned
from PolNeAR train's honorifics, adds the names the census lacks (`Barack`, `Bernie`, `Mitt`).
"""
import sys
from pathlib import Path

MIN_SHARE = 0.9


def read(path: Path) -> dict[str, float]:
    shares = {}
    for line in path.read_text(encoding="ascii").splitlines():
        fields = line.split()
        if fields:
            shares[fields[0].title()] = float(fields[1])
    return shares


def main(folder: str) -> None:
    male = read(Path(folder) / "dist.male.first")
    female = read(Path(folder) / "dist.female.first")
    print("# US Census 1990 first names (public domain; from the `names` package on PyPI) and the sex")
    print("# holding at least 90 % of each name's share, written by tools/census_first_names.py")
    print("name\tgender")
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        if m >= MIN_SHARE * (m + f):
            print(f"{name}\tm")
        elif f >= MIN_SHARE * (m + f):
            print(f"{name}\tf")


if __name__ == "__main__":
    main(sys.argv[1])
