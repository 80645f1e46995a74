#!/usr/bin/env python3
"""A signed spend as any Python client makes it (node.ledger=signed), with `cryptography` and `requests` only.

    python3 interop/signed_spend.py address SEED_HEX                      prints the key's address
    python3 interop/signed_spend.py send NODE_URL SEED_HEX RECIPIENT AMOUNT

The address is the lowercase hex of the raw 32-byte Ed25519 public key. A spend signs the UTF-8 bytes of
json.dumps({"amount", "nonce", "recipient", "sender"}, sort_keys=True), with the nonce one above the last the node
knows (GET /nonce?id=ADDRESS), and posts the four fields with the signature's lowercase hex to /transactions/new.
send prints the node's status and answer, and exits 0 when the node took the spend.
"""
import json
import sys

import requests
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat


def address_of(key):
    return key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()


def send(node, key, recipient, amount):
    sender = address_of(key)
    last = requests.get(f"{node}/nonce", params={"id": sender}, timeout=10).json()["nonce"]
    spend = {"amount": amount, "nonce": last + 1, "recipient": recipient, "sender": sender}
    spend["signature"] = key.sign(json.dumps(spend, sort_keys=True).encode("utf-8")).hex()
    answer = requests.post(f"{node}/transactions/new", json=spend, timeout=10)
    print(answer.status_code, answer.text)
    return 0 if answer.ok else 1


def main(args):
    if len(args) == 2 and args[0] == "address":
        print(address_of(Ed25519PrivateKey.from_private_bytes(bytes.fromhex(args[1]))))
        return 0
    if len(args) == 5 and args[0] == "send":
        key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(args[2]))
        return send(args[1].rstrip("/"), key, args[3], json.loads(args[4]))
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
