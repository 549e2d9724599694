package io.trent.server;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

import java.net.URI;

/** The identities the integration tests run with, and SDK clients for them. */
public final class Fixtures {
    private Fixtures() {}

    public static final String ACCOUNT = "111122223333";
    public static final String OTHER_ACCOUNT = "444455556666";

    /**
     * alice may do anything in KMS (identity policy); bob has no policy; LocationTeam may create grants; mallory
     * (another account) may do anything her own account allows. CloudTrail and the geo service are service
     * principals; geo acts on behalf of callers.
     */
    public static final String CONFIG = """
            accounts:
              - id: "111122223333"
                users:
                  - name: alice
                    accessKeys: [ { id: AKIAALICE, secret: alice-secret } ]
                    policies:
                      - '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"*"}]}'
                  - name: bob
                    accessKeys: [ { id: AKIABOB, secret: bob-secret } ]
                roles:
                  - name: LocationTeam
                    sessionName: s1
                    accessKeys: [ { id: AKIALOCATION, secret: location-secret } ]
                    policies:
                      - Version: "2012-10-17"
                        Statement: [ { Effect: Allow, Action: "kms:CreateGrant", Resource: "*" } ]
              - id: "444455556666"
                users:
                  - name: mallory
                    accessKeys: [ { id: AKIAMALLORY, secret: mallory-secret } ]
                    policies:
                      - '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"*"}]}'
            services:
              - name: cloudtrail.amazonaws.com
                accessKeys: [ { id: AKIACLOUDTRAIL, secret: cloudtrail-secret } ]
              - name: geo.us-west-2.amazonaws.com
                accessKeys: [ { id: AKIAGEO, secret: geo-secret } ]
                actsOnBehalfOfCallers: true
            """;

    public static KmsClient client(URI endpoint, String accessKeyId, String secret, Region region) {
        return client(endpoint, accessKeyId, secret, region, UrlConnectionHttpClient.builder());
    }

    public static KmsClient client(URI endpoint, String accessKeyId, String secret, Region region,
                                   UrlConnectionHttpClient.Builder http) {
        return KmsClient.builder()
                .endpointOverride(endpoint)
                .region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                .httpClientBuilder(http)
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }
}
