package io.trent.policy.catalog;

import org.junit.jupiter.api.Test;

import static io.trent.policy.catalog.KmsAction.*;
import static org.assertj.core.api.Assertions.assertThat;

class CatalogTest {
    @Test
    void actionClassesMatchTheLintCatalog() {
        assertThat(KmsActions.IAM_ONLY).containsExactlyInAnyOrder(CONNECT_CUSTOM_KEY_STORE, CREATE_CUSTOM_KEY_STORE,
                CREATE_KEY, DELETE_CUSTOM_KEY_STORE, DESCRIBE_CUSTOM_KEY_STORES, DISCONNECT_CUSTOM_KEY_STORE,
                GENERATE_RANDOM, LIST_ALIASES, LIST_KEYS, LIST_RETIRABLE_GRANTS, UPDATE_CUSTOM_KEY_STORE);
        // 44 key-resource actions of the lint catalog, plus GetKeyLastUsage from authorization.md 6.1.
        assertThat(KmsActions.KEY_RESOURCE).hasSize(45).contains(GET_KEY_LAST_USAGE, RETIRE_GRANT, VERIFY_MAC);
        assertThat(KmsActions.EC_OPS).containsExactlyInAnyOrder(CREATE_GRANT, ENCRYPT, DECRYPT, GENERATE_DATA_KEY,
                GENERATE_DATA_KEY_PAIR, GENERATE_DATA_KEY_PAIR_WITHOUT_PLAINTEXT, GENERATE_DATA_KEY_WITHOUT_PLAINTEXT,
                RE_ENCRYPT_FROM, RE_ENCRYPT_TO);
        assertThat(KmsActions.SENSITIVE).hasSize(23).contains(DECRYPT, RE_ENCRYPT_FROM, PUT_KEY_POLICY, UPDATE_KEY_DESCRIPTION)
                .doesNotContain(RE_ENCRYPT_TO, ENCRYPT, DESCRIBE_KEY);
        assertThat(KmsActions.ALL).hasSize(KmsActions.KEY_RESOURCE.size() + KmsActions.IAM_ONLY.size());
    }

    @Test
    void namesMatchIgnoringCaseWithOrWithoutPrefix() {
        assertThat(KmsAction.of("kms:decrypt")).contains(DECRYPT);
        assertThat(KmsAction.of("GenerateDataKeyPairWithoutPlaintext")).contains(GENERATE_DATA_KEY_PAIR_WITHOUT_PLAINTEXT);
        assertThat(KmsAction.of("kms:ReEncrypt")).isEmpty();
        assertThat(DECRYPT.iamName()).isEqualTo("kms:Decrypt");
    }

    @Test
    void patternsExpandAgainstTheCatalog() {
        assertThat(KmsActions.expand("kms:GenerateDataKey*")).containsExactlyInAnyOrder(GENERATE_DATA_KEY,
                GENERATE_DATA_KEY_WITHOUT_PLAINTEXT, GENERATE_DATA_KEY_PAIR, GENERATE_DATA_KEY_PAIR_WITHOUT_PLAINTEXT);
        assertThat(KmsActions.expand("KMS:reencrypt*")).containsExactlyInAnyOrder(RE_ENCRYPT_FROM, RE_ENCRYPT_TO);
        assertThat(KmsActions.expand("kms:Describe*")).containsExactlyInAnyOrder(DESCRIBE_KEY, DESCRIBE_CUSTOM_KEY_STORES);
        assertThat(KmsActions.expand("kms:?ncrypt")).containsExactly(ENCRYPT);
        assertThat(KmsActions.expand("*")).isEqualTo(KmsActions.ALL);
        assertThat(KmsActions.expand("kms:*")).isEqualTo(KmsActions.ALL);
        assertThat(KmsActions.expand("*:Decrypt")).containsExactly(DECRYPT);
        assertThat(KmsActions.expand("kms:Decrypt")).containsExactly(DECRYPT);
        assertThat(KmsActions.expand("Decrypt")).isEmpty();
        assertThat(KmsActions.expand("s3:GetObject")).isEmpty();
        assertThat(KmsActions.expand("kms:ReEncrypt")).isEmpty();
        assertThat(KmsActions.expand("kms:Get*")).contains(GET_KEY_LAST_USAGE, GET_PUBLIC_KEY, GET_PARAMETERS_FOR_IMPORT);
        assertThat(KmsActions.service("KMS:Decrypt")).isEqualTo("kms");
        assertThat(KmsActions.service("*")).isEmpty();
    }

    @Test
    void conditionKeysResolveIgnoringCaseIncludingPrefixSuffixes() {
        ConditionKey ec = ConditionKeys.lookup("KMS:encryptioncontext:AppName").orElseThrow();
        assertThat(ec.prefix()).isTrue();
        assertThat(ec.encryptionContext()).isTrue();
        assertThat(ec.applicableActions()).isEqualTo(KmsActions.EC_OPS);
        assertThat(ConditionKeys.lookup("kms:EncryptionContext:")).isEmpty();
        assertThat(ConditionKeys.lookup("kms:EncryptionContextKeys").orElseThrow().multiValued()).isTrue();
        assertThat(ConditionKeys.lookup("aws:principaltag/Team").orElseThrow().type()).isEqualTo(KeyType.STRING);
        assertThat(ConditionKeys.lookup("aws:PrincipalTag/")).isEmpty();
        assertThat(ConditionKeys.lookup("kms:CallerAcount")).isEmpty();
        assertThat(ConditionKeys.lookup("s3:prefix")).isEmpty();
    }

    @Test
    void keyPropertiesFollowTheCatalogTable() {
        ConditionKey grantOps = ConditionKeys.lookup("kms:GrantOperations").orElseThrow();
        assertThat(grantOps.multiValued()).isTrue();
        assertThat(grantOps.absentable()).isFalse();
        assertThat(grantOps.operationSpecific()).isTrue();
        assertThat(grantOps.absentFor(CREATE_GRANT)).isFalse();
        assertThat(grantOps.absentFor(DECRYPT)).isTrue();

        ConditionKey caller = ConditionKeys.lookup("kms:calleraccount").orElseThrow();
        assertThat(caller.operationSpecific()).isFalse();
        assertThat(caller.absentFor(DECRYPT)).isFalse();

        assertThat(ConditionKeys.lookup("kms:EncryptionAlgorithm").orElseThrow().applicableActions())
                .contains(DECRYPT, ENCRYPT).doesNotContain(CREATE_GRANT);
        assertThat(ConditionKeys.lookup("kms:GrantIsForAWSResource").orElseThrow().type()).isEqualTo(KeyType.BOOL);
        assertThat(ConditionKeys.lookup("kms:ViaService").orElseThrow().absentable()).isTrue();

        assertThat(ConditionKeys.lookup("aws:SourceArn").orElseThrow().type()).isEqualTo(KeyType.ARN);
        assertThat(ConditionKeys.lookup("aws:SourceIp").orElseThrow().type()).isEqualTo(KeyType.IP);
        assertThat(ConditionKeys.lookup("aws:EpochTime").orElseThrow().operatorTypes())
                .containsExactlyInAnyOrder(KeyType.DATE, KeyType.NUMERIC);
        assertThat(ConditionKeys.lookup("aws:CurrentTime").orElseThrow().absentable()).isFalse();
        assertThat(ConditionKeys.lookup("aws:SourceAccount").orElseThrow().absentable()).isTrue();
        assertThat(ConditionKeys.lookup("aws:PrincipalOrgPaths").orElseThrow().multiValued()).isTrue();
        assertThat(ConditionKeys.lookup("aws:PrincipalOrgID").orElseThrow().multiValued()).isFalse();
        assertThat(ConditionKeys.lookup("aws:SourceArn").orElseThrow().global()).isTrue();
        assertThat(ConditionKeys.all()).extracting(ConditionKey::name).doesNotHaveDuplicates();
    }
}
