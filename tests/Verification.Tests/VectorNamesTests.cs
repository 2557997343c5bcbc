namespace Hwsim.Verification.Tests;

public sealed class VectorNamesTests
{
    [Theory]
    [InlineData("v(out)", "v(out)")]
    [InlineData("V(OUT)", "v(out)")]
    [InlineData("out", "v(out)")]
    [InlineData(" V( x1.N1 ) ", "v(x1.n1)")]
    [InlineData("v(out,0)", "v(out)")]
    [InlineData("v(a,b)", "v(a,b)")]
    [InlineData("v1#branch", "i(v1)")]
    [InlineData("V1#BRANCH", "i(v1)")]
    [InlineData("i(v1)", "i(v1)")]
    [InlineData("I(V1)", "i(v1)")]
    [InlineData("i(v1#branch)", "i(v1)")]
    [InlineData("v.x1.v1#branch", "i(v.x1.v1)")]
    [InlineData("i(@r1[i])", "@r1[i]")]
    [InlineData("@R1[I]", "@r1[i]")]
    [InlineData("time", "time")]
    [InlineData("FREQUENCY", "frequency")]
    [InlineData("v-sweep", "v(v-sweep)")]
    [InlineData("v(v-sweep)", "v(v-sweep)")]
    [InlineData("i-sweep", "i(i-sweep)")]
    [InlineData("res-sweep", "res-sweep")]
    [InlineData("temp-sweep", "temp-sweep")]
    public void When_NameNormalised_Expect_EngineSpelling(string raw, string expected) =>
        Assert.Equal(expected, VectorNames.Normalize(raw));

    [Theory]
    [InlineData("time", VectorKind.Scale)]
    [InlineData("frequency", VectorKind.Scale)]
    [InlineData("v(v-sweep)", VectorKind.Scale)]
    [InlineData("i(i-sweep)", VectorKind.Scale)]
    [InlineData("res-sweep", VectorKind.Scale)]
    [InlineData("v(out)", VectorKind.NodeVoltage)]
    [InlineData("x1.n1", VectorKind.NodeVoltage)]
    [InlineData("i(v1)", VectorKind.BranchCurrent)]
    [InlineData("l1#branch", VectorKind.BranchCurrent)]
    [InlineData("@r1[i]", VectorKind.DeviceQuantity)]
    [InlineData("d1#internal", VectorKind.Other)]
    public void When_KindAsked_Expect_WhatTheNameDenotes(string name, VectorKind kind) =>
        Assert.Equal(kind, VectorNames.KindOf(name));

    [Theory]
    [InlineData("i(v1)", true)]
    [InlineData("v1#branch", true)]
    [InlineData("@r1[i]", true)]
    [InlineData("@d.x1.d1[id]", true)]
    [InlineData("v(out)", false)]
    [InlineData("@c1[cap]", false)]
    public void When_CurrentAsked_Expect_CurrentsRecognised(string name, bool isCurrent) =>
        Assert.Equal(isCurrent, VectorNames.IsCurrent(name));

    [Fact]
    public void When_NameEmpty_Expect_ArgumentException() =>
        Assert.Throws<ArgumentException>(() => VectorNames.Normalize("  "));
}
