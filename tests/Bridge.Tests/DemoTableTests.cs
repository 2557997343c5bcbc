using Hwsim.Bridge.Comparison;
using Hwsim.Bridge.Demos;
using Hwsim.Nn.Demos;

namespace Hwsim.Bridge.Tests;

/// <summary>The one demo table: every Nn demo has exactly one bridge row, in the catalog's order, and its settings fit its data.</summary>
public class DemoTableTests
{
    [Fact]
    public void When_TableRead_Expect_EveryCatalogDemoOnceInOrder()
    {
        Assert.Equal(DemoCatalog.All, BridgeDemos.All.Select(d => d.Definition));
        Assert.Same(LstmAirlineDemo.Definition, BridgeDemos.Get("LSTM-Airline").Definition);
        var e = Assert.Throws<ArgumentException>(() => BridgeDemos.Get("nope"));
        Assert.Contains("known: neuron-relu", e.Message);
    }

    [Fact]
    public void When_ImageDemo_Expect_InputRowsAreImagesOfItsSize()
    {
        var images = BridgeDemos.All.Where(d => d.View == DemoView.Images).ToList();
        Assert.Equal(new[] { "mlp-shapes", "conv-sobel" }, images.Select(d => d.Name));
        foreach (var d in images)
        {
            var (h, w) = d.Settings.Image;
            Assert.All(d.Definition.Data().TestInputRows, row => Assert.Equal(h * w, row.Length));
        }
    }

    [Fact]
    public void When_MetricsResolved_Expect_TheDemosOwnUnlessTheBridgeSaysNone()
    {
        var metrics = BridgeDemos.All.ToDictionary(d => d.Name, d => d.Metric);
        Assert.Equal(TaskMetric.Accuracy, metrics["mlp-shapes"]);
        Assert.Equal(TaskMetric.Rmse, metrics["lstm-airline"]);
        Assert.Equal(TaskMetric.None, metrics["neuron-relu"]);
        Assert.Equal(TaskMetric.None, metrics["lstm-cell"]);
        Assert.Equal(TaskMetric.None, metrics["conv-sobel"]);
    }

    [Fact]
    public void When_CaseBuiltFromTheModelsFolder_Expect_TheStoredModelAndTheDemosTestSet()
    {
        var d = BridgeDemos.Get("lstm-airline");
        var c = d.ToCase(RepoFiles.Models);
        Assert.Equal("lstm-airline", c.Model.Name);
        Assert.Equal(143, c.Inputs.Count);
        Assert.Equal(95, c.FromPoint);
        var missing = Assert.Throws<Hwsim.Nn.Models.ModelFormatException>(() => d.ToCase(Path.Combine(RepoFiles.Root, "no-such-folder")));
        Assert.Contains(Path.Combine("no-such-folder", "lstm-airline.json"), missing.Message);
    }
}
