package vn.diemcau.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoxIdentitiesTest {
    @TempDir
    Path dir;

    @Test
    void numbered_withPattern_padsIdsAndFillsPasswords() {
        var boxes = BoxIdentities.numbered("xa-", 3, Optional.of("pw-{id}"));
        assertThat(boxes).extracting(b -> b.id().value()).containsExactly("xa-0001", "xa-0002", "xa-0003");
        assertThat(boxes.get(1).password()).contains("pw-xa-0002");
    }

    @Test
    void numbered_beyondFourDigits_widensPadding() {
        var boxes = BoxIdentities.numbered("s", 99_999, 2, Optional.empty());
        assertThat(boxes).extracting(b -> b.id().value()).containsExactly("s099999", "s100000");
        assertThat(boxes.getFirst().password()).isEmpty();
    }

    @Test
    void fromFile_csvWithHeaderAndComments_readsPairs() throws Exception {
        Path file = Files.writeString(dir.resolve("boxes.csv"), "id,password\n# a comment\nxa-1, s3cret\nxa-2,\n");
        var boxes = BoxIdentities.fromFile(file);
        assertThat(boxes).extracting(b -> b.id().value()).containsExactly("xa-1", "xa-2");
        assertThat(boxes.get(0).password()).contains("s3cret");
        assertThat(boxes.get(1).password()).isEmpty();
    }

    @Test
    void fromFile_jsonArrayOrObject_readsPairs() throws Exception {
        Path array = Files.writeString(dir.resolve("a.json"), "[{\"id\":\"xa-1\",\"password\":\"p1\"},{\"id\":\"xa-2\"}]");
        Path object = Files.writeString(dir.resolve("o.json"), "{\"xa-3\":\"p3\"}");
        assertThat(BoxIdentities.fromFile(array)).extracting(BoxIdentity::password)
                .containsExactly(Optional.of("p1"), Optional.empty());
        assertThat(BoxIdentities.fromFile(object)).singleElement().isEqualTo(BoxIdentity.of("xa-3", "p3"));
    }

    @Test
    void fromFile_invalidId_namesFileAndEntry() throws Exception {
        Path file = Files.writeString(dir.resolve("bad.csv"), "xa-1,p\nbad/id,p\n");
        assertThatThrownBy(() -> BoxIdentities.fromFile(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("entry 2").hasMessageContaining("bad/id");
    }
}
