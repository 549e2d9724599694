package io.trent.server;

import io.trent.authz.KmsOperation;

import java.util.EnumSet;
import java.util.Set;

/** How the server schedules the operations of the KMS API ({@link KmsOperation}). */
final class Operations {
    private Operations() {}

    /**
     * Operations that run on the network thread: symmetric cryptography and key reads, which take microseconds
     * and do not write to the store. Everything else (store writes, RSA/EC key generation and signing) runs on
     * the worker pool so that it never stalls other connections.
     */
    static final Set<KmsOperation> INLINE = EnumSet.of(
            KmsOperation.Encrypt, KmsOperation.Decrypt, KmsOperation.ReEncrypt, KmsOperation.GenerateDataKey,
            KmsOperation.GenerateDataKeyWithoutPlaintext, KmsOperation.GenerateRandom, KmsOperation.GenerateMac,
            KmsOperation.VerifyMac, KmsOperation.DescribeKey);
}
