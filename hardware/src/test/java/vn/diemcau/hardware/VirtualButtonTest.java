package vn.diemcau.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The local page's virtual button under the fake scheduler. */
class VirtualButtonTest {

    private final FakeScheduler scheduler = new FakeScheduler();
    private final List<Button.Press> presses = new CopyOnWriteArrayList<>();
    private final VirtualButton button = new VirtualButton("join", scheduler, Runnable::run, 2_000);

    {
        button.onPress(presses::add);
    }

    @Test
    void setDown_heldForTheLongPressTime_firesLongOnceWhileHeld() {
        button.setDown(true);
        scheduler.advance(1_999);
        assertThat(button.isDown()).isTrue();
        assertThat(presses).isEmpty();
        scheduler.advance(1);
        assertThat(presses).containsExactly(Button.Press.LONG);
        button.setDown(true);
        scheduler.advance(5_000);
        button.setDown(false);
        scheduler.runDue();
        assertThat(presses).containsExactly(Button.Press.LONG);
        assertThat(button.isDown()).isFalse();
    }

    @Test
    void setDown_releasedEarly_isShort_andPressDeliversDirectly() {
        button.setDown(true);
        scheduler.advance(300);
        button.setDown(false);
        scheduler.runDue();
        button.press(Button.Press.LONG);
        assertThat(presses).containsExactly(Button.Press.SHORT, Button.Press.LONG);
    }

    @Test
    void close_stopsAPressInProgress() {
        button.setDown(true);
        scheduler.runDue();
        button.close();
        scheduler.advance(5_000);
        assertThat(presses).isEmpty();
    }
}
