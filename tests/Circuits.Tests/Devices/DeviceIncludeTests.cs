namespace Hwsim.Circuits.Tests.Devices;

public sealed class DeviceIncludeTests
{
    public static TheoryData<string> Names => new(DeviceIncludes.Files.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void When_IncludeGenerated_Expect_CheckedInFileUnchanged(string file)
    {
        var path = Path.Combine(DeviceIncludes.Folder, file);
        var text = DeviceIncludes.Files[file];
        if (Environment.GetEnvironmentVariable("HWSIM_REGENERATE") is not null) File.WriteAllText(path, text);

        Assert.Equal(text, File.ReadAllText(path).Replace("\r\n", "\n"));
    }
}
