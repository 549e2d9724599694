package io.trent.kms;

import java.time.Instant;

/**
 * An alias: a name in one account and Region pointing at one key of that account and Region.
 *
 * @param arn  {@code arn:PARTITION:kms:REGION:ACCOUNT:alias/NAME}, the primary identity
 * @param name {@code alias/NAME}
 */
public record AliasRecord(String arn, String name, String account, String region, String targetKeyArn,
                          Instant creationDate, Instant lastUpdatedDate) {
    public AliasRecord retarget(String newTargetKeyArn, Instant now) {
        return new AliasRecord(arn, name, account, region, newTargetKeyArn, creationDate, now);
    }
}
