using Hwsim.TestSupport;

namespace Hwsim.Verification.Tests;

/// <summary>The check that the ngspice found is the one the engine reproduces (39).</summary>
public sealed class NgspiceVersionTests
{
    [Theory]
    [InlineData("******\n** ngspice-39 : Circuit level simulation program\n** The U. C. Berkeley CAD Group", 39)]
    [InlineData("** ngspice-39.3 : Circuit level simulation program", 39)]
    [InlineData("** ngspice-42 : Circuit level simulation program", 42)]
    public void When_BannerParsed_Expect_MajorVersion(string banner, int major)
    {
        var version = NgspiceVersion.Parse(banner);

        Assert.NotNull(version);
        Assert.Equal(major, version.Major);
        Assert.Equal(major == 39, version.IsReference);
        Assert.Equal($"ngspice {major}", version.ToString());
    }

    [Fact]
    public void When_BannerNamesNoVersion_Expect_Null() =>
        Assert.Null(NgspiceVersion.Parse("bash: ngspice: command not found"));

    [Fact]
    public void When_OtherVersionOrNone_Expect_OneLineSayingWhy()
    {
        var other = NgspiceRunner.ReferenceProblemOf("/usr/bin/ngspice", NgspiceVersion.Parse("** ngspice-42 : Circuit level simulation program"));
        Assert.Equal("ngspice 42 found at /usr/bin/ngspice ('ngspice-42'), but the engine reproduces ngspice 39 and is compared with it: " +
                     "install ngspice 39 (Debian 12's package)", other);
        Assert.Equal(NgspiceNotFoundException.DefaultMessage, NgspiceRunner.ReferenceProblemOf(null, null));
        Assert.Contains("does not state its version", NgspiceRunner.ReferenceProblemOf("/opt/ngspice", null));
        Assert.Null(NgspiceRunner.ReferenceProblemOf("/usr/bin/ngspice", NgspiceVersion.Parse("ngspice-39")));
    }

    [NgspiceFact]
    public void When_InstalledNgspiceAsked_Expect_Version39WithNoProblem()
    {
        // The attribute ran the same check; the test says what it found.
        Assert.Equal(NgspiceVersion.Reference, NgspiceRunner.InstalledVersion?.Major);
        Assert.Null(NgspiceRunner.ReferenceProblem);
    }
}
