"""The whole shop once, against ENDPOINT; run() returns what happened, to compare runs."""

from __future__ import annotations

import json

from . import notices, orders, stock, storage


def run() -> dict[str, object]:
    files = storage.make_client()
    storage.create_bucket(files)
    for n in range(5):
        storage.upload(files, f"catalog/{n}.txt", f"item {n}".encode())
    listed = [obj.get("Key", "") for obj in storage.list_objects(files, "catalog/")]

    queues = orders.queue_client()
    url = orders.create_queue(queues, "orders")
    orders.place(queues, url, {"sku-1": 2})
    taken = orders.take_all(queues, url)

    db = stock.database()
    table = stock.create_table(db)
    stock.put(table, "sku-1", 10)
    stock.put(table, "sku-1", stock.count(table, "sku-1") - 2)

    sent = notices.publish("restock", "sku-1 is low")
    caller = notices.any_client("sts").get_caller_identity()
    return {
        "listed": listed,
        "first": storage.read(files, "catalog/0.txt").decode(),
        "orders": taken,
        "stock": stock.count(table, "sku-1"),
        "notice_sent": bool(sent),
        "account": caller["Account"],
        "matching": stock.matching(table, "sku-1"),
        "no_table": stock.count_in(db, "nowhere", "sku-1"),
        "buckets": storage.bucket_count(),
    }


if __name__ == "__main__":
    print(json.dumps(run(), sort_keys=True))
