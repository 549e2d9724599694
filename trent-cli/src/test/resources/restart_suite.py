"""Populates a Trent server with state, or checks that the state survived a restart.

Usage: TRENT_ENDPOINT=http://127.0.0.1:PORT python3 restart_suite.py populate|verify STATE.json
The server runs with --dev, so any access key acts as the dev account's root user.
Exits non-zero (AssertionError) when anything written before the restart is missing or different.
"""
import base64
import json
import os
import sys

import boto3
import botocore.config

kms = boto3.client("kms", endpoint_url=os.environ["TRENT_ENDPOINT"], region_name="eu-central-1",
                   aws_access_key_id="dev", aws_secret_access_key="dev",
                   config=botocore.config.Config(retries={"max_attempts": 1}))
mode, state_path = sys.argv[1], sys.argv[2]
BOB = "arn:aws:iam::111122223333:user/bob"


def policy(sid):
    return json.dumps({"Version": "2012-10-17", "Statement": [
        {"Sid": sid, "Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"},
         "Action": "kms:*", "Resource": "*"}]})


if mode == "populate":
    keys = [kms.create_key(Description="durable %d" % i, Tags=[{"TagKey": "n", "TagValue": str(i)}])["KeyMetadata"]
            for i in range(4)]
    ids = [k["KeyId"] for k in keys]
    kms.create_alias(AliasName="alias/durable", TargetKeyId=ids[0])
    kms.create_alias(AliasName="alias/moved", TargetKeyId=ids[0])
    kms.update_alias(AliasName="alias/moved", TargetKeyId=ids[1])
    grant = kms.create_grant(KeyId=ids[0], GranteePrincipal=BOB, Operations=["Decrypt"], Name="durable-grant")
    new_policy = policy("ChangedBeforeTheCrash")
    kms.put_key_policy(KeyId=ids[1], PolicyName="default", Policy=new_policy)
    ciphertexts = []
    for i in range(6):
        plaintext = ("secret number %d" % i).encode()
        context = {"n": str(i)}
        blob = kms.encrypt(KeyId=ids[i % 2], Plaintext=plaintext, EncryptionContext=context)["CiphertextBlob"]
        ciphertexts.append({"blob": base64.b64encode(blob).decode(), "plaintext": plaintext.decode(),
                            "context": context, "key": keys[i % 2]["Arn"]})
    dk = kms.generate_data_key(KeyId="alias/durable", KeySpec="AES_256")
    ciphertexts.append({"blob": base64.b64encode(dk["CiphertextBlob"]).decode(),
                        "plaintext_b64": base64.b64encode(dk["Plaintext"]).decode(), "context": {},
                        "key": keys[0]["Arn"]})
    re = kms.re_encrypt(CiphertextBlob=base64.b64decode(ciphertexts[0]["blob"]),
                        SourceEncryptionContext=ciphertexts[0]["context"], DestinationKeyId=ids[1])
    ciphertexts.append({"blob": base64.b64encode(re["CiphertextBlob"]).decode(),
                        "plaintext": ciphertexts[0]["plaintext"], "context": {}, "key": keys[1]["Arn"]})
    kms.disable_key(KeyId=ids[2])
    kms.schedule_key_deletion(KeyId=ids[3], PendingWindowInDays=7)
    with open(state_path, "w") as f:
        json.dump({"keys": ids, "arns": [k["Arn"] for k in keys], "grant": grant["GrantId"],
                   "policy": new_policy, "ciphertexts": ciphertexts}, f)
    print("populated %d keys, %d ciphertexts" % (len(ids), len(ciphertexts)))
else:
    with open(state_path) as f:
        state = json.load(f)
    ids, arns = state["keys"], state["arns"]
    states = [kms.describe_key(KeyId=k)["KeyMetadata"]["KeyState"] for k in ids]
    assert states == ["Enabled", "Enabled", "Disabled", "PendingDeletion"], states
    assert kms.describe_key(KeyId="alias/durable")["KeyMetadata"]["Arn"] == arns[0]
    assert kms.describe_key(KeyId="alias/moved")["KeyMetadata"]["Arn"] == arns[1]
    grants = kms.list_grants(KeyId=ids[0])["Grants"]
    assert [(g["GrantId"], g["Name"], g["GranteePrincipal"]) for g in grants] == \
        [(state["grant"], "durable-grant", BOB)], grants
    got = kms.get_key_policy(KeyId=ids[1], PolicyName="default")["Policy"]
    assert got == state["policy"], got
    for i, k in enumerate(ids):
        tags = kms.list_resource_tags(KeyId=k)["Tags"]
        assert tags == [{"TagKey": "n", "TagValue": str(i)}], tags
    for c in state["ciphertexts"]:
        out = kms.decrypt(CiphertextBlob=base64.b64decode(c["blob"]), EncryptionContext=c["context"])
        assert out["KeyId"] == c["key"], out["KeyId"]
        if "plaintext" in c:
            assert out["Plaintext"].decode() == c["plaintext"], out["Plaintext"]
        else:
            assert base64.b64encode(out["Plaintext"]).decode() == c["plaintext_b64"]
    fresh = kms.create_key(Description="after restart")["KeyMetadata"]["KeyId"]
    assert kms.decrypt(CiphertextBlob=kms.encrypt(KeyId=fresh, Plaintext=b"new")["CiphertextBlob"])["Plaintext"] == b"new"
    print("verified %d keys, %d ciphertexts" % (len(ids), len(state["ciphertexts"])))
