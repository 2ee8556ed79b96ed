"""Build the bundled sample sources in data/raw/ (hand-sized, deterministic).

Why: the files are committed so labs never depend on this script, but keeping the script
means every messy row is explained and a test proves the files match it.
Run `python -m reference_pipeline.pipeline.sample` to rewrite them.
"""

from __future__ import annotations

import csv
import io
import json
import random
from datetime import date, datetime, timedelta
from pathlib import Path

SEED = 20240318
WEEKS = {"2024w10": date(2024, 3, 4), "2024w11": date(2024, 3, 11)}

STORES = {"S01": "north", "S02": "central", "S03": "east", "S04": "west", "S05": "south"}
PRODUCTS = {
    "P001": ("Wireless Mouse", "24.90"),
    "P002": ("USB-C Cable", "12.50"),
    "P003": ("Laptop Stand", "45.00"),
    "P004": ("Mechanical Keyboard", "89.00"),
    "P005": ("HD Webcam", "59.90"),
    "P006": ("Noise-Cancelling Headphones", "199.00"),
    "P007": ("Portable SSD 1TB", "129.00"),
    "P008": ("Phone Charger", "29.90"),
}
CITIES = {
    "Woodlands": "north", "Yishun": "north", "Sembawang": "north",
    "Tampines": "east", "Bedok": "east", "Pasir Ris": "east",
    "Jurong": "west", "Clementi": "west", "Bukit Batok": "west",
    "Toa Payoh": "central", "Novena": "central", "Bishan": "central",
    "Bukit Merah": "south", "Telok Blangah": "south", "Sentosa": "south",
}  # fmt: skip
PEOPLE = [
    ("John", "Smith"), ("Wei Ling", "Tan"), ("Nur", "Aisyah"), ("Rajesh", "Kumar"),
    ("Jun Jie", "Lim"), ("Siti", "Rahmah"), ("Mei", "Chen"), ("David", "Lee"),
    ("Priya", "Nair"), ("Ahmad", "Faizal"), ("Grace", "Wong"), ("Kumar", "Pillai"),
    ("Hui Min", "Goh"), ("Daniel", "Ng"), ("Farah", "Ismail"), ("Marcus", "Teo"),
    ("Anita", "Das"), ("Kelvin", "Ong"), ("Li Ting", "Koh"), ("Hafiz", "Rahman"),
    ("Rachel", "Chua"), ("Arun", "Menon"), ("Jia Hui", "Yeo"), ("Ben", "Tay"),
    ("Meera", "Iyer"), ("Zul", "Hakim"), ("Sarah", "Ho"), ("Vikram", "Rao"),
    ("Xin Yi", "Low"), ("Irfan", "Yusof"), ("Joanne", "Sim"), ("Ravi", "Shankar"),
    ("Pei Shan", "Quek"), ("Aaron", "Foo"), ("Lakshmi", "Devi"), ("Nurul", "Huda"),
    ("Shawn", "Kwek"), ("Nurul", "Izzah"), ("Eugene", "Tan"), ("Chloe", "Lim"),
    ("Hannah", "Yap"), ("Imran", "Khan"),
]  # fmt: skip
DOMAINS = ["gmail.com", "yahoo.com.sg", "outlook.com", "example.com"]
SEGMENTS = ["consumer", "consumer", "small_business", "corporate"]
HEADER = [
    "Customer ID", "First Name", "Last Name", "Email", "Phone", "City",
    "Region", "Segment", "Status", "Signup Date", "Last Updated",
]  # fmt: skip


def _csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def _email(first: str, last: str, customer_id: int) -> str:
    local = f"{first}.{last}".lower().replace(" ", "")
    return f"{local}@{DOMAINS[customer_id % len(DOMAINS)]}"


def _customers(rng: random.Random) -> tuple[dict[int, dict[str, str]], list[list[str]]]:
    """The Day 1 export: 40 customers written the way a busy front desk types them."""
    cities = sorted(CITIES)
    clean: dict[int, dict[str, str]] = {}
    rows: list[list[str]] = []
    for offset, (first, last) in enumerate(PEOPLE[:40]):
        cid = 1001 + offset
        city = cities[rng.randrange(len(cities))]
        signup = date(2019, 1, 1) + timedelta(days=rng.randrange(1800))
        updated = datetime(2024, 2, 1, 8) + timedelta(minutes=rng.randrange(60 * 24 * 37))
        record = {
            "customer_id": str(cid), "first_name": first, "last_name": last,
            "email": _email(first, last, cid), "phone": f"9{rng.randrange(1000000, 9999999)}",
            "city": city, "region": CITIES[city], "segment": SEGMENTS[rng.randrange(4)],
            "status": "active" if rng.random() < 0.85 else "inactive",
            "signup_date": signup.isoformat(), "updated_at": updated.strftime("%Y-%m-%d %H:%M:%S"),
        }  # fmt: skip
        clean[cid] = record
        rows.append(_messy(record, cid))
    rows[35][3] = ""  # 1036: email left blank
    rows[36][3] = "shawn.kwek(at)gmail.com"  # 1037: not an address
    rows[37][9] = "31/02/2023"  # 1038: no such date
    rows[38][7] = "VIP"  # 1039: not a known segment
    extra_no_id = dict(clean[1012], customer_id="", first_name="Kai", last_name="Ong")
    extra_na_id = dict(clean[1019], customer_id="N/A", first_name="Wen", last_name="Xu")
    rows.append(_messy(extra_no_id, 0))
    rows.append(_messy(extra_na_id, 0))
    # Older versions placed after the newer ones: file order must not decide which wins.
    for cid, field, value in [(1007, "city", "Bedok"), (1015, "email", "old.mail@example.com"),
                              (1024, "status", "inactive")]:  # fmt: skip
        older = dict(clean[cid], **{field: value})
        older["updated_at"] = "2024-01-05 09:00:00"
        if field == "city":
            older["region"] = CITIES[value]
        rows.append(_messy(older, cid))
    for cid in (1003, 1010, 1021, 1030):
        rows.append(list(rows[cid - 1001]))
    return clean, rows


def _messy(record: dict[str, str], cid: int) -> list[str]:
    """Render one clean record with the inconsistencies the silver layer must undo."""
    first, last, email, city = record["first_name"], record["last_name"], record["email"], record["city"]
    if cid % 4 == 0:
        first = first.lower()
    if cid % 5 == 0:
        last = last.upper()
    if cid % 7 == 0:
        first, city = f"  {first} ", f"{city}  "
    if cid % 6 == 0 and email:
        email = email.upper() + " "
    region = record["region"]
    region = {0: region.title(), 1: f" {region.upper()} ", 2: region[0].upper()}.get(cid % 9, region)
    segment = {
        "consumer": ["Consumer", "consumer", "CONSUMER"],
        "small_business": ["Small Business", "small-business", "SMB"],
        "corporate": ["Corporate", "corp"],
    }[record["segment"]]
    phone = record["phone"]
    phone = [f"+65 {phone[:4]} {phone[4:]}", phone, f"(65) {phone[:4]}-{phone[4:]}"][cid % 3]
    signup = record["signup_date"]
    if cid % 5 == 2:
        signup = date.fromisoformat(signup).strftime("%d/%m/%Y")
    status = {"active": ["Active", "active", "ACTIVE"], "inactive": ["Inactive", "inactive"]}
    return [
        record["customer_id"], first, last, email, phone, city, region,
        segment[cid % len(segment)], status[record["status"]][cid % len(status[record["status"]])],
        signup, record["updated_at"],
    ]  # fmt: skip


def _customer_updates(clean: dict[int, dict[str, str]]) -> list[list[str]]:
    """Changes captured after the Day 1 export: the change feed for incremental loads."""
    changes: list[tuple[int, str, dict[str, str]]] = [
        (1002, "2024-03-15 09:12:00", {"status": "suspended"}),
        (1004, "2024-03-15 10:40:00", {"city": "Clementi", "region": "west"}),
        (1007, "2024-03-15 14:05:00", {"segment": "small_business"}),
        (1011, "2024-03-16 08:30:00", {"email": "grace.wong@outlook.com"}),
        (1015, "2024-03-16 11:00:00", {"status": "inactive"}),
        (1020, "2024-03-16 15:20:00", {"city": "Tampines", "region": "east"}),
        (1025, "2024-03-16 16:45:00", {"email": "meera.iyer@@gmail"}),
        (1033, "2024-03-17 09:00:00", {"segment": "corporate"}),
        (1037, "2024-03-17 10:30:00", {"email": "shawn.kwek@gmail.com"}),
        (1020, "2024-03-17 11:15:00", {"city": "Pasir Ris", "region": "east"}),
    ]
    rows = []
    for cid, updated_at, change in changes:
        record = dict(clean[cid], **change, updated_at=updated_at)
        rows.append([record[key] for key in _KEYS])
    for cid, (first, last) in zip((1041, 1042), PEOPLE[40:], strict=True):
        rows.append([
            str(cid), first, last, _email(first, last, cid), "98765432" if cid == 1041 else "87654321",
            "Bishan" if cid == 1041 else "Sentosa", "central" if cid == 1041 else "south",
            "consumer", "active", "2024-03-16", f"2024-03-17 1{cid - 1040}:00:00",
        ])  # fmt: skip
    return rows


_KEYS = ["customer_id", "first_name", "last_name", "email", "phone", "city", "region",
         "segment", "status", "signup_date", "updated_at"]  # fmt: skip


def _sales(rng: random.Random) -> dict[str, list[list[str]]]:
    weeks: dict[str, list[list[str]]] = {}
    sale_no = 10001
    for week, monday in WEEKS.items():
        rows = []
        for _ in range(60):
            product = sorted(PRODUCTS)[rng.randrange(len(PRODUCTS))]
            store = sorted(STORES)[rng.randrange(len(STORES))]
            quantity = rng.choice([1, 1, 1, 2, 2, 3])
            loyalty = str(1001 + rng.randrange(35)) if rng.random() < 0.5 else ""
            day = monday + timedelta(days=rng.randrange(7))
            name, price = PRODUCTS[product]
            rows.append([
                f"S-{sale_no}", day.isoformat(), store, STORES[store], product, name,
                str(quantity), price, loyalty,
            ])  # fmt: skip
            sale_no += 1
        rows.sort(key=lambda row: (row[1], row[0]))
        weeks[week] = rows
    return weeks


def _returns(rng: random.Random, sales: dict[str, list[list[str]]]) -> dict[str, list[list[str]]]:
    reasons = ["damaged", "wrong item", "changed mind", "not as described"]
    weeks: dict[str, list[list[str]]] = {}
    return_no = 9001
    returned_sales: set[str] = set()
    all_sales = [row for rows in sales.values() for row in rows]
    for week, monday in WEEKS.items():
        sunday = monday + timedelta(days=6)
        candidates = [
            row for row in all_sales if date.fromisoformat(row[1]) < sunday and row[0] not in returned_sales
        ]
        rows = []
        for sale in rng.sample(candidates, 5):
            sold = date.fromisoformat(sale[1])
            earliest = max(sold + timedelta(days=1), monday)
            returned = earliest + timedelta(days=rng.randrange((sunday - earliest).days + 1))
            quantity = 1
            returned_sales.add(sale[0])
            refund = f"{float(sale[7]) * quantity:.2f}"
            rows.append([
                f"R-{return_no}", sale[0], returned.isoformat(), sale[4], str(quantity), refund,
                reasons[rng.randrange(len(reasons))],
            ])  # fmt: skip
            return_no += 1
        rows.sort(key=lambda row: (row[2], row[0]))
        weeks[week] = rows
    return weeks


def _inventory(rng: random.Random) -> dict[str, list[list[str]]]:
    weeks: dict[str, list[list[str]]] = {}
    for week, monday in WEEKS.items():
        weeks[week] = [
            [monday.isoformat(), store, product, str(rng.randrange(0, 40)), str(rng.choice([0, 0, 10, 20]))]
            for store in sorted(STORES)
            for product in sorted(PRODUCTS)
        ]
    return weeks


def _orders(rng: random.Random, clean: dict[int, dict[str, str]]) -> list[dict[str, object]]:
    """Web-shop orders as the REST API returns them: nested items, UTC timestamps."""
    orders: list[dict[str, object]] = []
    for number in range(28):
        cid = 1001 + rng.randrange(35)
        day = date(2024, 3, 4) + timedelta(days=number // 2)
        ordered = datetime.combine(day, datetime.min.time()) + timedelta(minutes=rng.randrange(480, 1380))
        items = []
        for product in sorted(rng.sample(sorted(PRODUCTS), rng.choice([1, 1, 2, 3]))):
            items.append({"product_id": product, "quantity": rng.choice([1, 1, 2]),
                          "unit_price": float(PRODUCTS[product][1])})  # fmt: skip
        status = "delivered" if day < date(2024, 3, 14) else rng.choice(["shipped", "placed"])
        if number in (6, 19):
            status = "cancelled"
        orders.append({
            "order_id": f"W-{5001 + number}", "customer_id": cid,
            "ordered_at": ordered.strftime("%Y-%m-%dT%H:%M:%SZ"), "status": status,
            "shipping_region": clean[cid]["region"], "items": items,
            "updated_at": (ordered + timedelta(hours=30)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        })  # fmt: skip
    return orders


def _api_pages(orders: list[dict[str, object]]) -> dict[str, dict[str, object]]:
    """Three pages of ten; W-5010 changed between two page requests so it appears twice."""
    repeated = dict(orders[9], status="delivered", updated_at="2024-03-09T12:00:00Z")
    chunks = [orders[0:10], [repeated, *orders[10:19]], orders[19:28]]
    pages: dict[str, dict[str, object]] = {}
    for number, chunk in enumerate(chunks, start=1):
        following = f"orders_page_{number + 1}.json" if number < len(chunks) else None
        pages[f"orders_page_{number}.json"] = {
            "page": number, "page_size": 10, "next_page": following, "data": chunk,
        }  # fmt: skip
    return pages


def _crm_billing_support(clean: dict[int, dict[str, str]]) -> tuple[str, str, str]:
    """The same customers as three systems see them; they disagree on purpose."""
    crm = [["customer_id", "name", "email", "phone", "status", "last_update"]]
    billing = [["cust_id", "customer_name", "billing_email", "billing_address", "account_status", "modified"]]
    support: list[dict[str, object]] = []
    streets = ["Ang Mo Kio Ave 3", "Bedok North Rd", "Clementi Ave 2", "Tampines St 21", "Jurong West St 41"]
    for cid in range(1001, 1021):
        person = clean[cid]
        full = f"{person['first_name']} {person['last_name']}"
        crm.append([str(cid), full, person["email"], person["phone"],
                    "active" if cid % 6 else "inactive", f"2024-01-{10 + cid % 15:02d}"])  # fmt: skip
        if cid <= 1018:
            short = f"{person['first_name'][0]}. {person['last_name']}" if cid % 2 else full
            email = person["email"] if cid % 3 else person["email"].replace("@", ".billing@")
            status = "suspended" if cid in (1001, 1009, 1014) else "current"
            address = f"Blk {100 + cid % 50} {streets[cid % len(streets)]}, Singapore"
            billing.append([str(cid), short, email, address, status, f"2024-01-{12 + cid % 15:02d}"])
    for cid in [1001, 1003, 1005, 1007, 1009, 1011, 1013, 1015, 1017, 1019, 1021, 1023]:
        person = clean[cid]
        email = person["email"] if cid % 4 != 1 else person["email"].replace("@", ".help@")
        support.append({
            "id": cid, "full_name": f"{person['first_name']} {person['last_name'][0]}.",
            "email": email, "phone": person["phone"], "tier": ["standard", "premium"][cid % 4 == 1],
            "updated": f"2024-01-{11 + cid % 15:02d}T10:00:00",
        })  # fmt: skip
    return _csv(crm), _csv(billing), json.dumps(support, indent=2) + "\n"


def _prices(rng: random.Random) -> str:
    base = {"Gold": 2150.0, "Silver": 24.5, "Copper": 3.9, "Crude Oil": 80.0, "Wheat": 5.5}
    records: list[dict[str, object]] = []
    for offset in range(5):
        day = date(2024, 3, 11) + timedelta(days=offset)
        for hour in (9, 16):
            for name, price in base.items():
                drift = price * (1 + rng.uniform(-0.02, 0.02))
                records.append({
                    "commodity": name, "price": round(drift, 2 if price > 50 else 4), "currency": "USD",
                    "quoted_at": f"{day.isoformat()}T{hour:02d}:00:00Z", "source": "feed-a",
                })  # fmt: skip
    records[6] = dict(records[6], commodity=" silver ")  # casing and spaces: cleaned, not rejected
    records.append(dict(records[12]))  # the feed sent one quote twice
    bad: list[dict[str, object]] = [
        {"commodity": "Gold", "price": -12.5, "quoted_at": "2024-03-12T11:00:00Z"},
        {"commodity": "Copper", "price": 0, "quoted_at": "2024-03-13T11:00:00Z"},
        {"commodity": "Wheat", "price": None, "quoted_at": "2024-03-13T12:00:00Z"},
        {"commodity": "Crude Oil", "price": "N/A", "quoted_at": "2024-03-14T11:00:00Z"},
        {"commodity": "", "price": 81.2, "quoted_at": "2024-03-14T12:00:00Z"},
        {"commodity": "Silver", "price": 24.8, "quoted_at": "2024-03-32T09:00:00Z"},
    ]
    for position, record in zip((5, 17, 23, 31, 40, 47), bad, strict=True):
        records.insert(position, {**record, "currency": "USD", "source": "feed-b"})
    return "".join(json.dumps(record) + "\n" for record in records)


def sample_files() -> dict[str, str]:
    """Every bundled source file, keyed by its path under data/raw/."""
    rng = random.Random(SEED)
    clean, customer_rows = _customers(rng)
    files = {
        "customers/customers.csv": _csv([HEADER, *customer_rows]),
        "updates/customer_updates.csv": _csv([_KEYS, *_customer_updates(clean)]),
    }
    sales = _sales(rng)
    returns = _returns(rng, sales)
    inventory = _inventory(rng)
    sales_header = ["sale_id", "sale_date", "store_id", "region", "product_id", "product_name",
                    "quantity", "unit_price", "customer_id"]  # fmt: skip
    returns_header = ["return_id", "sale_id", "return_date", "product_id", "quantity", "refund_amount",
                      "reason"]  # fmt: skip
    inventory_header = ["week_start", "store_id", "product_id", "on_hand", "on_order"]
    for week in WEEKS:
        files[f"weekly/sales_{week}.csv"] = _csv([sales_header, *sales[week]])
        files[f"weekly/returns_{week}.csv"] = _csv([returns_header, *returns[week]])
        files[f"weekly/inventory_{week}.csv"] = _csv([inventory_header, *inventory[week]])
    for name, page in _api_pages(_orders(rng, clean)).items():
        files[f"api/{name}"] = json.dumps(page, indent=2) + "\n"
    crm, billing, support = _crm_billing_support(clean)
    files["crm/crm_customers.csv"] = crm
    files["billing/billing_accounts.csv"] = billing
    files["support/support_contacts.json"] = support
    files["prices/commodity_prices.json"] = _prices(rng)
    return dict(sorted(files.items()))


def write_sample(raw_dir: Path) -> list[Path]:
    written = []
    for relative, text in sample_files().items():
        path = raw_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
        written.append(path)
    return written


if __name__ == "__main__":
    target = Path(__file__).resolve().parent.parent / "data" / "raw"
    for path in write_sample(target):
        print(path.relative_to(target))
