using Hwsim.Nn.Data;
using Hwsim.Nn.Demos;
using Hwsim.Nn.Layers;
using Hwsim.Nn.Models;

namespace Hwsim.Nn.Tests;

/// <summary>The stored demo models and data files: reload, reach their stated metric, and are reproduced exactly.</summary>
public sealed class DemoTests
{
    public static TheoryData<string> Names => new(DemoCatalog.Names);

    private static string ModelPath(string name) => Path.Combine(TestSupport.RepoRoot, "models", name + ".json");

    [Theory]
    [MemberData(nameof(Names))]
    public void When_StoredModelReloaded_Expect_StatedMetricReached(string name)
    {
        var demo = DemoCatalog.Get(name);
        var model = ModelFile.Load(ModelPath(name));
        Assert.Equal(name, model.Name);
        var data = demo.Data();
        var metrics = DemoEvaluation.Evaluate(demo, model, data);
        var stored = model.Extras["metrics"]!.AsObject();
        foreach (var m in metrics)
            Assert.Equal(stored[m.Key]!.GetValue<double>(), m.Value);
        if (demo.MetricKey is string key)
            Assert.True(demo.MeetsTarget(metrics.Single(m => m.Key == key).Value), $"{name}: {key} misses its target {demo.Target}");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void When_DemoRetrained_Expect_StoredModelBitForBit(string name)
    {
        var result = DemoRunner.Run(DemoCatalog.Get(name));
        Assert.Equal(File.ReadAllText(ModelPath(name)), ModelFile.Serialize(result.Model));
    }

    [Fact]
    public void When_Catalog_Expect_NineDemosWithUniqueNamesAndSeeds()
    {
        Assert.Equal(9, DemoCatalog.All.Count);
        Assert.Equal(9, DemoCatalog.All.Select(d => d.Name).Distinct().Count());
        Assert.Same(LstmAirlineDemo.Definition, DemoCatalog.Get("LSTM-Airline"));
        Assert.Throws<KeyNotFoundException>(() => DemoCatalog.Get("nope"));
    }

    [Fact]
    public void When_AirlineDemo_Expect_LiEtAlSetUp()
    {
        var demo = LstmAirlineDemo.Definition;
        var lstm = (Lstm)demo.Architecture().Layers[0];
        Assert.Equal((1, 15), (lstm.InputSize, lstm.HiddenSize));
        var data = demo.Data();
        Assert.Equal(95, data.Train.Inputs.Length);
        Assert.Equal(143, data.Test.Inputs.Length);
        Assert.Equal(95, data.EvaluateFromStep);
        Assert.Equal(0.0, AirlinePassengers.Values.Select(LstmAirlineDemo.Scaler.Transform).Min());
        Assert.Equal(1.0, AirlinePassengers.Values.Select(LstmAirlineDemo.Scaler.Transform).Max());
        Assert.Equal(40363, AirlinePassengers.Values.Sum());
    }

    [Fact]
    public void When_DataFilesCompared_Expect_EqualToGenerators()
    {
        var dir = Path.Combine(TestSupport.RepoRoot, "data");
        if (Environment.GetEnvironmentVariable("HWSIM_WRITE_DATA") == "1") DataFiles.WriteAll(dir);
        foreach (var (name, table) in DataFiles.Generated())
            Assert.True(File.ReadAllText(Path.Combine(dir, name)) == table.ToCsv(), $"data/{name} differs from its generator");
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "airline-passengers.csv")), AirlinePassengers.CsvText());
    }

    [Fact]
    public void When_ShapeImagesGenerated_Expect_BalancedClassesInRange()
    {
        var (images, labels) = ShapeImages.Generate(10, 1);
        Assert.Equal(40, images.Length);
        Assert.All(Enumerable.Range(0, 4), c => Assert.Equal(10, labels.Count(l => l == c)));
        Assert.All(images, img => Assert.All(img, v => Assert.InRange(v, 0.0, 1.0)));
    }

    [Fact]
    public void When_TraceOfStoredLstm_Expect_EveryGatePerStep()
    {
        var model = ModelFile.Load(ModelPath("lstm-airline"));
        var data = LstmAirlineDemo.Definition.Data();
        var trace = model.Trace(data.Test.Inputs);
        var lstm = (LstmPass)trace["lstm"];
        Assert.Equal(143, lstm.Steps[0].Count);
        Assert.Equal((1, 15), (lstm.Steps[0][10].F.RowCount, lstm.Steps[0][10].F.ColumnCount));
        Assert.Equal(trace["fc"].Input[10], lstm.Steps[0][10].H);
    }
}
