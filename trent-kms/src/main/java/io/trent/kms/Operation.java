package io.trent.kms;

import com.fasterxml.jackson.databind.JsonNode;

/** The handler of one KMS API action. Stateless; validates, resolves, authorizes, checks key state, executes. */
interface Operation {
    JsonNode run(Call call, Kms kms);
}
