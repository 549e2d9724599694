package io.trent.policy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallerTest {
    @Test
    void parsesSessionAndDerivesRoleArn() {
        Caller.Iam c = Caller.parseIam("arn:aws:sts::111122223333:assumed-role/LocationTeam/s1");
        assertThat(c.type()).isEqualTo(Caller.IamType.ASSUMED_ROLE);
        assertThat(c.name()).isEqualTo("LocationTeam");
        assertThat(c.sessionName()).isEqualTo("s1");
        assertThat(c.principalArn()).isEqualTo("arn:aws:iam::111122223333:role/LocationTeam");
    }

    @Test
    void rejectsGroups() {
        assertThatThrownBy(() -> Caller.parseIam("arn:aws:iam::111122223333:group/admins"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesEveryCallerKind() {
        Caller.Iam root = Caller.parseIam("arn:aws-us-gov:iam::111122223333:root");
        assertThat(root.type()).isEqualTo(Caller.IamType.ROOT);
        assertThat(root.partition()).isEqualTo("aws-us-gov");
        assertThat(root.name()).isEqualTo("111122223333");
        Caller.Iam user = Caller.parseIam("arn:aws:iam::111122223333:user/ops/dana");
        assertThat(user.type()).isEqualTo(Caller.IamType.USER);
        assertThat(user.name()).isEqualTo("ops/dana");
        Caller.Iam fed = Caller.parseIam("arn:aws:sts::111122223333:federated-user/bob");
        assertThat(fed.type()).isEqualTo(Caller.IamType.FEDERATED_USER);
        assertThat(fed.name()).isEqualTo("bob");
        assertThat(fed.account()).isEqualTo("111122223333");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "arn:aws:iam::111122223333:", "arn:aws:iam::11112222333:root", "arn:aws:iam:us-east-1:111122223333:root",
            "arn:AWS:iam::111122223333:root", "arn::iam::111122223333:root", "arn:aws:sts::111122223333:root",
            "arn:aws:iam::111122223333:assumed-role/R/s", "arn:aws:sts::111122223333:assumed-role/R", "arn:aws:sts::111122223333:assumed-role//s",
            "arn:aws:sts::111122223333:federated-user/", "arn:aws:iam::111122223333:user/", "arn:aws:s3::111122223333:root",
            "arn:aws:iam::1111222233x3:root", "arn:aws:iam::111122223333root"})
    void rejectsNonCallers(String arn) {
        assertThatThrownBy(() -> Caller.parseIam(arn)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void userNamesRoundTrip(@ForAll @AlphaChars @StringLength(min = 1, max = 20) String name) {
        Caller.Iam c = Caller.parseIam("arn:aws:iam::111122223333:user/" + name);
        assertThat(c.name()).isEqualTo(name);
        assertThat(c.principalArn()).isEqualTo(c.arn());
    }
}
