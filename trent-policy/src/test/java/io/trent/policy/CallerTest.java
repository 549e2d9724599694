package io.trent.policy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

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

    @Property
    void userNamesRoundTrip(@ForAll @AlphaChars @StringLength(min = 1, max = 20) String name) {
        Caller.Iam c = Caller.parseIam("arn:aws:iam::111122223333:user/" + name);
        assertThat(c.name()).isEqualTo(name);
        assertThat(c.principalArn()).isEqualTo(c.arn());
    }
}
