package coaching.ledger.platform.audit.tlog;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TlogProofTest {

    /** The example of c2sp.org/tlog-proof (its signature lines are abridged there, so they are only text here). */
    private static final String SPEC_PROOF = """
            c2sp.org/tlog-proof@v1
            extra YWdlLXYxLjIuMS1kYXJ3aW4tYXJtNjQudGFyLmd6kYXJ3aW4tYXJ
            index 73894
            gSKyXoYZUgZ6jduWYrkDOARinOMGJveXjgMkBTcdPlQ=
            B95lDa8R83lS8n0eG+o0buTxRKQTYFi//1U8anccXmA=
            EKNzoDWG8LGC0Yp9o+sv3qllpMP9uHQ9B20KNL+Q1zs=
            RoopEkOdqkYqMB4MJXrbt/hMjOxsVn0IrWjpz1ZMMes=
            AHCioX9nLjsrse6YhjRRmk1WUEirVOLLRoOQ6vfO5vk=

            example.com/fancylog
            109482
            sFodV/vSp5O8n9a8QpW6PRY97tfOSW5bsc2Xl/EQi08=

            — example.com/fancylog hI2DJw[...]1roloI=
            — witness1.example mJirIklj[...]qY9v2B/5bg==
            """;

    private static final String CHECKPOINT = NoteSigner.generate("example.com/log")
            .sign(new Checkpoint("example.com/log", 3, Merkle.emptyRoot()).body());

    @Test
    void readsTheSpecificationsExample() {
        TlogProof proof = TlogProof.parse(SPEC_PROOF);

        assertThat(proof.extra())
                .isEqualTo(Base64.getDecoder().decode("YWdlLXYxLjIuMS1kYXJ3aW4tYXJtNjQudGFyLmd6kYXJ3aW4tYXJ"));
        assertThat(proof.index()).isEqualTo(73894);
        assertThat(proof.hashes()).hasSize(5);
        assertThat(proof.hashes().get(4))
                .isEqualTo(Base64.getDecoder().decode("AHCioX9nLjsrse6YhjRRmk1WUEirVOLLRoOQ6vfO5vk="));
        assertThat(proof.checkpoint())
                .startsWith("example.com/fancylog\n109482\n")
                .endsWith("qY9v2B/5bg==\n");
        assertThat(proof.format()).isEqualTo(SPEC_PROOF);
    }

    @Test
    void parsingItsFormatGivesTheSameProof() {
        TlogProof withExtra = new TlogProof(
                "leaf".getBytes(StandardCharsets.UTF_8),
                2,
                List.of(Merkle.leafHash(new byte[0]), Merkle.emptyRoot()),
                CHECKPOINT);
        TlogProof withoutExtraOrHashes = new TlogProof(null, 0, List.of(), CHECKPOINT);

        assertThat(TlogProof.parse(withExtra.format())).isEqualTo(withExtra).hasSameHashCodeAs(withExtra);
        assertThat(TlogProof.parse(withoutExtraOrHashes.format())).isEqualTo(withoutExtraOrHashes);
        assertThat(withoutExtraOrHashes.format()).isEqualTo("c2sp.org/tlog-proof@v1\nindex 0\n\n" + CHECKPOINT);
        assertThat(withExtra).isNotEqualTo(withoutExtraOrHashes);
    }

    @Test
    void rejectsWhatIsNotAProof() {
        String hash = Base64.getEncoder().encodeToString(Merkle.emptyRoot());
        for (String text : new String[] {
            null,
            "",
            "c2sp.org/tlog-proof@v2\nindex 0\n\n" + CHECKPOINT,
            "c2sp.org/tlog-proof@v1\n\n" + CHECKPOINT,
            "c2sp.org/tlog-proof@v1\nindex 01\n\n" + CHECKPOINT,
            "c2sp.org/tlog-proof@v1\nindex -1\n\n" + CHECKPOINT,
            "c2sp.org/tlog-proof@v1\nindex 99999999999999999999\n\n" + CHECKPOINT,
            "c2sp.org/tlog-proof@v1\nindex 1\n" + hash + "\n",
            "c2sp.org/tlog-proof@v1\nindex 1\n" + hash + "\n\n",
            "c2sp.org/tlog-proof@v1\nindex 1\n" + hash.substring(4) + "\n\n" + CHECKPOINT,
            "c2sp.org/tlog-proof@v1\nindex 1\nnot*base64\n\n" + CHECKPOINT,
            "c2sp.org/tlog-proof@v1\nextra %%%\nindex 1\n\n" + CHECKPOINT,
            "c2sp.org/tlog-proof@v1\nindex 1\nextra AAAA\n\n" + CHECKPOINT,
            "c2sp.org/tlog-proof@v1\nindex 1\n" + (hash + "\n").repeat(65) + "\n" + CHECKPOINT,
            "c2sp.org/tlog-proof@v1\nindex 1\n\n" + "x".repeat(Notes.MAX_TEXT_CHARS),
        }) {
            assertThatThrownBy(() -> TlogProof.parse(text))
                    .as(String.valueOf(text))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
