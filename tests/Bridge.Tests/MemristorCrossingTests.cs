using Hwsim.Bridge.Comparison;
using Hwsim.Bridge.Demos;
using Hwsim.Bridge.Mapping;
using Hwsim.Circuits.Blocks;

namespace Hwsim.Bridge.Tests;

/// <summary>Crossbars with memristors at their programmed states compute what resistor crossbars compute.</summary>
public class MemristorCrossingTests
{
    [Theory]
    [InlineData("mlp-xor")]
    [InlineData("lstm-cell")]
    public void When_CrossingsAreMemristors_Expect_SameResultsAsResistors(string demo)
    {
        var c = BridgeDemos.Get(demo).ToCase(RepoFiles.Models);
        foreach (var level in new[] { FidelityLevel.Ideal, FidelityLevel.Macro })
        {
            var resistors = Comparer.Run(c, level, MappingProfile.For(level));
            var memristors = Comparer.Run(c, level, MappingProfile.For(level) with { Device = CrossbarDeviceKind.Memristor });
            Assert.Contains("memristor", memristors.Network.Netlist);
            for (var p = 0; p < resistors.Circuit.Points; p++)
                for (var k = 0; k < resistors.Circuit.Outputs[p].Length; k++)
                    Assert.Equal(resistors.Circuit.Outputs[p][k], memristors.Circuit.Outputs[p][k], 8);
        }
    }
}
