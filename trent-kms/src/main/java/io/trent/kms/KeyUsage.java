package io.trent.kms;

/** The cryptographic operations a KMS key is for; fixed at creation. */
public enum KeyUsage {
    ENCRYPT_DECRYPT, SIGN_VERIFY, GENERATE_VERIFY_MAC, KEY_AGREEMENT
}
