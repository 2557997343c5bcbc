namespace Hwsim.Circuits.Results;

/// <summary>How an output vector reads its node voltage or branch current (SPICE's <c>.print</c> forms).</summary>
public enum OutputForm
{
    /// <summary><c>v(out)</c>, <c>i(v1)</c>: the value itself (complex in AC).</summary>
    Value,

    /// <summary><c>vm(out)</c>, <c>im(v1)</c>: the magnitude.</summary>
    Magnitude,

    /// <summary><c>vp(out)</c>, <c>ip(v1)</c>: the phase in radians (ngspice's default units).</summary>
    Phase,

    /// <summary><c>vdb(out)</c>, <c>idb(v1)</c>: 20 log10 of the magnitude.</summary>
    Decibel,

    /// <summary><c>vr(out)</c>, <c>ir(v1)</c>: the real part.</summary>
    Real,

    /// <summary><c>vi(out)</c>, <c>ii(v1)</c>: the imaginary part.</summary>
    Imaginary,
}
