package vn.diemcau.appliance.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdleScreenTest {

    @Test
    void text_isPangoEscaped_andHasNothingGstLaunchWouldParse() {
        assertThat(IdleScreen.displaySafe("Tiếp dân \"định kỳ\" <b> & C:\\x\nnext"))
                .isEqualTo("Tiếp dân ”định kỳ” &lt;b&gt; &amp; C:/x next");
    }

    @Test
    void arguments_oneTokenPerPropertyWithTheTexts_andTheConfiguredSink() {
        List<String> a = IdleScreen.arguments(new IdleInfo("Xã An Phú", "Đã kết nối trung tâm / Connected to the hub",
                Optional.of("14:00 01/12 — Tiếp công dân")), MediaSettings.defaults());
        assertThat(a).contains("text=Xã An Phú", "text=Đã kết nối trung tâm / Connected to the hub",
                "text=" + IdleInfo.NEXT + "14:00 01/12 — Tiếp công dân", "text=" + IdleInfo.PROMPT, "name=imeter",
                "silent=false");
        assertThat(String.join(" ", a)).startsWith("videotestsrc is-live=true").contains("video/x-raw,width=1280,height=720");
        assertThat(IdleScreen.arguments(new IdleInfo("Xã An Phú", "x", Optional.empty()), MediaSettings.defaults()))
                .noneMatch(t -> t.startsWith("text=" + IdleInfo.NEXT));
    }
}
