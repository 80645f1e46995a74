#!/usr/bin/env python3
"""Makes the test vectors with CPython, or checks that the committed ones are still what CPython makes.

    python3 interop/make_vectors.py            rewrites every output field from its inputs
    python3 interop/make_vectors.py --check    exits 1, listing each difference, unless the files are exactly
                                               what this CPython makes (the test suite runs this)

A vector file holds its inputs and the outputs CPython computes from them; to add a case, add its inputs (an
output field can hold anything) and run the script. Files (under pow/src/test/resources/vectors by default):

- canonical-json.json: "served" (a block as some server may send it) -> "block_string", i.e.
  json.dumps(json.loads(served), sort_keys=True), the string the proof is computed on;
- proofs.json: "block_string" and "proof" -> "sha256" of block_string + str(proof), "valid6" (6 hex zeros);
- binary-mining.json: "data_hex" and each solution's "zero_bits" -> the first nonce from 0 whose
  sha256(struct.pack("<I", nonce) + data) has that many leading zero bits; "frame_fields" -> "frames", every
  frame type packed with struct ("!", big-endian), the G frame for the name "ana";
- signed-spends.json: "seed_hex" (an Ed25519 private key's 32 bytes) and each spend's "amount" (a JSON literal,
  so 1 and 1.0 stay apart), "nonce", "recipient" -> "address" (the raw public key, hex), each "message" (the UTF-8
  of json.dumps({"amount", "nonce", "recipient", "sender"}, sort_keys=True)) and "signature" (Ed25519 is
  deterministic: the same seed signs a message the same way everywhere). Needs the `cryptography` package.
"""
import argparse
import hashlib
import json
import pathlib
import platform
import struct
import sys

DEFAULT_DIR = pathlib.Path(__file__).resolve().parent.parent / "pow" / "src" / "test" / "resources" / "vectors"
GREETING_NAME = "ana"


def canonical_json(doc):
    for vector in doc["vectors"]:
        vector["block_string"] = json.dumps(json.loads(vector["served"]), sort_keys=True)


def proofs(doc):
    for vector in doc["vectors"]:
        digest = hashlib.sha256((vector["block_string"] + str(vector["proof"])).encode("utf-8")).hexdigest()
        vector["sha256"] = digest
        vector["valid6"] = digest.startswith("000000")


def first_solution(data, bits):
    for nonce in range(2**32):
        digest = hashlib.sha256(struct.pack("<I", nonce) + data).digest()
        if int.from_bytes(digest, "big") >> (256 - bits) == 0:
            return nonce, digest.hex()
    raise ValueError(f"no nonce has {bits} zero bits")


def binary_mining(doc):
    vectors = doc["vectors"]
    data = bytes.fromhex(vectors["data_hex"])
    vectors["hash_rule"] = ("sha256(struct.pack('<I', nonce) + data); valid iff the digest's first zero_bits bits "
                            "(most significant first) are 0")
    for solution in vectors["solutions"]:
        solution["first_nonce"], solution["sha256"] = first_solution(data, solution["zero_bits"])
    job = vectors["frame_fields"]["T"]
    submit = vectors["frame_fields"]["S"]
    txn = struct.pack("!H", job["txn"])
    vectors["frames"] = {
        "G": (b"G" + GREETING_NAME.encode().ljust(10, b"\0")).hex(),
        "T": (b"T" + struct.pack("!HHIBH", job["txn"], job["miner"], job["slot"], job["zero_bits"], job["data_len"])
              + data[:job["data_len"]]).hex(),
        "S": (b"S" + struct.pack("!HI", submit["txn"], submit["nonce"])).hex(),
        "A": (b"A" + txn).hex(),
        "I": (b"I" + txn).hex(),
        "R": (b"R" + txn).hex(),
        "Q": b"Q".hex(),
    }


def signed_spends(doc):
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    vectors = doc["vectors"]
    key = Ed25519PrivateKey.from_private_bytes(bytes.fromhex(vectors["seed_hex"]))
    address = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()
    vectors["address"] = address
    for spend in vectors["spends"]:
        fields = {"amount": json.loads(spend["amount"]), "nonce": spend["nonce"], "recipient": spend["recipient"],
                  "sender": address}
        spend["message"] = json.dumps(fields, sort_keys=True)
        spend["signature"] = key.sign(spend["message"].encode("utf-8")).hex()


MAKERS = {"canonical-json.json": canonical_json, "proofs.json": proofs, "binary-mining.json": binary_mining,
          "signed-spends.json": signed_spends}


def remade(text, maker, stamp):
    """The file's text with every output made anew; the stamp says which CPython made it (kept as is by --check)."""
    doc = json.loads(text)
    maker(doc)
    if stamp:
        doc["generated_by"] = {"python": platform.python_version()}
    return json.dumps(doc, indent=1)


def differences(old, new):
    old_lines, new_lines = old.splitlines(), new.splitlines()
    found = [f"  line {n + 1}:\n    committed: {a}\n    CPython:   {b}"
             for n, (a, b) in enumerate(zip(old_lines, new_lines)) if a != b]
    if len(old_lines) != len(new_lines):
        found.append(f"  {len(old_lines)} lines committed, {len(new_lines)} made")
    return found


def main():
    parser = argparse.ArgumentParser(description="Makes or checks the CPython test vectors.")
    parser.add_argument("--check", action="store_true", help="compare instead of writing; exit 1 on a difference")
    parser.add_argument("dir", nargs="?", type=pathlib.Path, default=DEFAULT_DIR, help="the vectors folder")
    args = parser.parse_args()
    failed = False
    for name, maker in MAKERS.items():
        path = args.dir / name
        text = path.read_text(encoding="utf-8")
        made = remade(text, maker, stamp=not args.check)
        if not args.check:
            path.write_text(made, encoding="utf-8")
            print(f"wrote {path}")
        elif made != text:
            failed = True
            print(f"{name}: differs from what CPython {platform.python_version()} makes", file=sys.stderr)
            print("\n".join(differences(text, made)[:20]), file=sys.stderr)
        else:
            print(f"{name}: as CPython {platform.python_version()} makes it")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
