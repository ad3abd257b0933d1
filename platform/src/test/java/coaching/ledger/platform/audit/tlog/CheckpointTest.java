package coaching.ledger.platform.audit.tlog;

import coaching.ledger.platform.audit.tlog.NoteException.Reason;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckpointTest {

    /** The example of c2sp.org/tlog-checkpoint. */
    private static final String SPEC_BODY =
            "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n";

    @Test
    void readsTheSpecificationsExample() {
        Checkpoint checkpoint = Checkpoint.parse(SPEC_BODY);

        assertThat(checkpoint.origin()).isEqualTo("example.com/behind-the-sofa");
        assertThat(checkpoint.size()).isEqualTo(20852163);
        assertThat(checkpoint.rootHash())
                .isEqualTo(Base64.getDecoder().decode("CsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I="));
        assertThat(checkpoint.body()).isEqualTo(SPEC_BODY);
    }

    @Test
    void parsingItsBodyGivesTheSameCheckpoint() {
        Checkpoint checkpoint = new Checkpoint("localhost/engagement-ledger", 0, Merkle.emptyRoot());

        assertThat(Checkpoint.parse(checkpoint.body())).isEqualTo(checkpoint).hasSameHashCodeAs(checkpoint);
        assertThat(checkpoint.body())
                .isEqualTo("localhost/engagement-ledger\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n");
    }

    @Test
    void extensionLinesAreIgnored() {
        assertThat(Checkpoint.parse(SPEC_BODY + "extension one\nextension two\n"))
                .isEqualTo(Checkpoint.parse(SPEC_BODY));
    }

    @Test
    void rejectsWhatIsNotACheckpoint() {
        for (String body : new String[] {
            null,
            "",
            "example.com/log\n5\n",
            "example.com/log\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=",
            "\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n",
            "example.com/log\n05\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n",
            "example.com/log\n-5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n",
            "example.com/log\n99999999999999999999\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n",
            "example.com/log\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I\n",
            "example.com/log\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jx\n",
            "example.com/log\n5\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n\nextension\n",
        }) {
            assertThatThrownBy(() -> Checkpoint.parse(body))
                    .as(String.valueOf(body))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void verifiedReadsOnlyCheckpointsSignedByTheKey() throws NoteException {
        NoteSigner log = NoteSigner.generate("example.com/behind-the-sofa");
        String note = log.sign(SPEC_BODY);

        assertThat(Checkpoint.verified(note, NoteVerifier.parse(log.verifierKey())))
                .isEqualTo(Checkpoint.parse(SPEC_BODY));
        assertThatThrownBy(() -> Checkpoint.verified(
                        note,
                        NoteVerifier.parse(NoteSigner.generate("example.com/behind-the-sofa")
                                .verifierKey())))
                .isInstanceOfSatisfying(
                        NoteException.class, e -> assertThat(e.reason()).isEqualTo(Reason.UNKNOWN_KEY));
        assertThatThrownBy(() -> Checkpoint.verified(
                        note.replace("20852163", "20852164"), NoteVerifier.parse(log.verifierKey())))
                .isInstanceOfSatisfying(
                        NoteException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BAD_SIGNATURE));
    }
}
