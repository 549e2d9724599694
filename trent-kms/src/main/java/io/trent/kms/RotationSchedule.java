package io.trent.kms;

import java.time.Instant;

/**
 * The automatic rotation of a key's material, stored while rotation is enabled (no row means disabled).
 *
 * @param nextRotationDate when the next automatic rotation is due
 */
public record RotationSchedule(String keyArn, int periodInDays, Instant nextRotationDate) {}
