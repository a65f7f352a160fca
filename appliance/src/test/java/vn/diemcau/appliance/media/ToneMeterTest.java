package vn.diemcau.appliance.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ToneMeterTest {
    private static double[] sine(double hz, double amplitude, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = amplitude * Math.sin(2 * Math.PI * hz * i / 48_000.0 + 0.3);
        return x;
    }

    @Test
    void sineAtTheFrequency_readsItsRms() {
        ToneMeter m = new ToneMeter(1000, 48_000);
        m.add(sine(1000, 0.25, 48_000));
        ToneMeter.Reading r = m.reading();
        assertThat(r.blocks()).isEqualTo(10);
        assertThat(r.toneDb()).isCloseTo(-15.05, within(0.2));
        assertThat(r.level().rmsDb()).isCloseTo(-15.05, within(0.2));
        assertThat(r.level().peakDb()).isCloseTo(-12.04, within(0.2));
    }

    @Test
    void otherFrequency_isFarBelow_silenceIsTheFloor() {
        ToneMeter m = new ToneMeter(1000, 48_000);
        m.add(sine(440, 0.5, 24_000));
        assertThat(m.reading().toneDb()).isLessThan(-60);
        assertThat(m.reading().level().rmsDb()).isCloseTo(-9.03, within(0.2));
        ToneMeter quiet = new ToneMeter(1000, 48_000);
        quiet.add(new double[9_600]);
        assertThat(quiet.reading().toneDb()).isEqualTo(AudioLevel.FLOOR_DB);
        assertThat(quiet.reading().level().rmsDb()).isEqualTo(AudioLevel.FLOOR_DB);
    }

    @Test
    void slightlyOffFrequency_asFromAnotherClock_stillReadsWithinOneDb() {
        ToneMeter m = new ToneMeter(1000, 48_000);
        m.add(sine(1001.5, 0.25, 48_000));
        assertThat(m.reading().toneDb()).isCloseTo(-15.05, within(1.0));
    }
}
