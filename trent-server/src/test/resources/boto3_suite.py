"""boto3 against a running Trent server: keys, encryption context, aliases, grants and errors.

Usage: TRENT_ENDPOINT=http://127.0.0.1:PORT python3 boto3_suite.py
Credentials come from the configured identities of the test (alice may do anything, bob has no policy).
Exits non-zero (AssertionError) at the first behaviour that differs from AWS KMS.
"""
import os
import uuid

import boto3
import botocore.config
from botocore.exceptions import ClientError

ENDPOINT = os.environ["TRENT_ENDPOINT"]
CONFIG = botocore.config.Config(retries={"max_attempts": 1})


def client(access_key, secret, region="us-west-2"):
    return boto3.client("kms", endpoint_url=ENDPOINT, region_name=region, aws_access_key_id=access_key,
                        aws_secret_access_key=secret, config=CONFIG)


def error_of(call, **kwargs):
    try:
        call(**kwargs)
    except ClientError as e:
        return e.response["Error"]["Code"], e.response["Error"]["Message"], e.response["ResponseMetadata"]
    raise AssertionError("expected an error from %s" % call.__name__)


alice = client("AKIAALICE", "alice-secret")
bob = client("AKIABOB", "bob-secret")

key = alice.create_key(Description="boto3")["KeyMetadata"]
assert key["KeyState"] == "Enabled" and key["KeySpec"] == "SYMMETRIC_DEFAULT", key
assert key["Arn"] == "arn:aws:kms:us-west-2:111122223333:key/" + key["KeyId"], key
print("create_key ok")

context = {"purpose": "boto3", "Tenant": "T1"}
enc = alice.encrypt(KeyId=key["KeyId"], Plaintext=b"\x00binary\xff", EncryptionContext=context)
dec = alice.decrypt(CiphertextBlob=enc["CiphertextBlob"], EncryptionContext=context)
assert dec["Plaintext"] == b"\x00binary\xff" and dec["KeyId"] == key["Arn"], dec
code, _, meta = error_of(alice.decrypt, CiphertextBlob=enc["CiphertextBlob"], EncryptionContext={"purpose": "boto3"})
assert code == "InvalidCiphertextException" and meta["HTTPStatusCode"] == 400 and meta["RequestId"], (code, meta)
print("encrypt/decrypt with encryption context ok")

alias = "alias/boto3-" + str(uuid.uuid4())
alice.create_alias(AliasName=alias, TargetKeyId=key["KeyId"])
assert alice.describe_key(KeyId=alias)["KeyMetadata"]["KeyId"] == key["KeyId"]
names = [a["AliasName"] for a in alice.list_aliases(KeyId=key["KeyId"])["Aliases"]]
assert names == [alias], names
code, _, _ = error_of(alice.create_alias, AliasName=alias, TargetKeyId=key["KeyId"])
assert code == "AlreadyExistsException", code
print("aliases ok")

dk = alice.generate_data_key(KeyId=alias, KeySpec="AES_256")
assert len(dk["Plaintext"]) == 32
assert alice.decrypt(CiphertextBlob=dk["CiphertextBlob"])["Plaintext"] == dk["Plaintext"]
print("generate_data_key ok")

code, message, _ = error_of(bob.encrypt, KeyId=key["Arn"], Plaintext=b"x")
assert code == "AccessDeniedException", code
assert message == ("User: arn:aws:iam::111122223333:user/bob is not authorized to perform: kms:Encrypt on resource: "
                   + key["Arn"] + " because no identity-based policy allows the kms:Encrypt action"), message
grant = alice.create_grant(KeyId=key["KeyId"], GranteePrincipal="arn:aws:iam::111122223333:user/bob",
                           Operations=["Encrypt", "Decrypt"],
                           Constraints={"EncryptionContextSubset": {"purpose": "boto3"}})
granted = bob.encrypt(KeyId=key["Arn"], Plaintext=b"via grant", EncryptionContext=context)
assert bob.decrypt(CiphertextBlob=granted["CiphertextBlob"], EncryptionContext=context)["Plaintext"] == b"via grant"
code, _, _ = error_of(bob.encrypt, KeyId=key["Arn"], Plaintext=b"x", EncryptionContext={"purpose": "other"})
assert code == "AccessDeniedException", code
grants = alice.list_grants(KeyId=key["KeyId"])["Grants"]
assert [g["GrantId"] for g in grants] == [grant["GrantId"]], grants
alice.revoke_grant(KeyId=key["KeyId"], GrantId=grant["GrantId"])
code, _, _ = error_of(bob.encrypt, KeyId=key["Arn"], Plaintext=b"x", EncryptionContext=context)
assert code == "AccessDeniedException", code
print("grants ok")

code, _, _ = error_of(alice.describe_key, KeyId=str(uuid.uuid4()))
assert code == "NotFoundException", code
code, _, _ = error_of(client("AKIAALICE", "wrong-secret").list_keys)
assert code == "InvalidSignatureException", code
code, _, _ = error_of(alice.generate_random, NumberOfBytes=5000)
assert code == "ValidationException", code
alice.disable_key(KeyId=key["KeyId"])
code, _, _ = error_of(alice.encrypt, KeyId=key["KeyId"], Plaintext=b"x")
assert code == "DisabledException", code
print("errors ok")
print("boto3 suite passed")
