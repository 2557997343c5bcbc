using Hwsim.Nn.Layers;
using Hwsim.Nn.Models;

namespace Hwsim.Nn.Tests;

/// <summary>The model file contract: PyTorch state_dict names and shapes, extra fields kept, one clear error per problem.</summary>
public sealed class ModelFileTests
{
    private const string Airline = """
        {"format": "hwsim-model/1", "name": "tiny", "trained_by": "pytorch 2.4",
         "layers": [{"name": "lstm", "type": "LSTM", "input_size": 1, "hidden_size": 2, "num_layers": 1, "batch_first": true},
                    {"name": "fc", "type": "Linear", "in_features": 2, "out_features": 1}],
         "state_dict": {"lstm.weight_ih_l0": [[0.1], [0.2], [0.3], [0.4], [0.5], [0.6], [0.7], [0.8]],
                        "lstm.weight_hh_l0": [[0.1, 0.2], [0.3, 0.4], [0.5, 0.6], [0.7, 0.8], [-0.1, -0.2], [-0.3, -0.4], [-0.5, -0.6], [-0.7, -0.8]],
                        "lstm.bias_ih_l0": [0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1],
                        "lstm.bias_hh_l0": [0, 0, 0, 0, 0, 0, 0, 0],
                        "fc.weight": [[1.5, -2.5]], "fc.bias": [0.25]}}
        """;

    [Fact]
    public void When_PyTorchStyleFile_Expect_LayersAndTensorsInPlace()
    {
        var model = ModelFile.Parse(Airline);
        Assert.Equal("tiny", model.Name);
        Assert.True(model.IsSequenceModel);
        Assert.Equal(1, model.InputFeatures);
        var lstm = (Lstm)model.Network["lstm"];
        Assert.Equal(0.8, lstm.WeightIh(0).Value[7, 0]);
        Assert.Equal(-0.6, lstm.WeightHh(0).Value[6, 1]);
        var fc = (Linear)model.Network["fc"];
        Assert.Equal(-2.5, fc.Weight.Value[0, 1]);
        Assert.Equal("pytorch 2.4", model.Extras["trained_by"]!.GetValue<string>());
        Assert.Equal(3, model.Infer([[0.1], [0.2], [0.3]]).Length);
    }

    [Fact]
    public void When_SerializedAndParsed_Expect_SameBytesAndSameOutputs()
    {
        var rng = new Rng(20);
        var net = new Sequential(new Conv2d("conv", 1, 2, 3, 2, 1, 2, 1, 0, inputHeight: 6, inputWidth: 6), new ReLU("r"), new Flatten("flat"),
            new Linear("fc", 2 * 6 * 3, 3), new Tanh("t"), new Linear("out", 3, 2, bias: false), new Sigmoid("s"));
        net.ResetParameters(rng);
        var model = new NetworkModel("round-trip", net);
        model.Extras["metrics"] = new System.Text.Json.Nodes.JsonObject { ["x"] = 0.1 };
        string text = ModelFile.Serialize(model);
        var back = ModelFile.Parse(text);
        Assert.Equal(text, ModelFile.Serialize(back));
        var x = TestSupport.RandomBatch(rng, 1, 4, 36);
        Assert.Equal(0.0, Tensors.MaxAbsDifference(model.Predict(x), back.Predict(x)));
    }

    [Fact]
    public void When_StackedLstmSerialized_Expect_PerLayerKeys()
    {
        var net = new Sequential(new Lstm("rnn", 3, 4, 2));
        var text = ModelFile.Serialize(new NetworkModel("m", net));
        foreach (var key in new[] { "rnn.weight_ih_l0", "rnn.weight_hh_l0", "rnn.bias_ih_l0", "rnn.bias_hh_l0", "rnn.weight_ih_l1", "rnn.bias_hh_l1" })
            Assert.Contains($"\"{key}\"", text);
        Assert.Equal(4, ModelFile.Parse(text).Network.Parameters[4].Shape[1]); // weight_ih_l1 is (4H, H)
    }

    private static ModelFormatException Error(string json) => Assert.Throws<ModelFormatException>(() => ModelFile.Parse(json));

    [Fact]
    public void When_TensorMissing_Expect_ErrorNamingIt()
    {
        var e = Error(Airline.Replace("\"fc.bias\": [0.25]", "\"fc.biass\": [0.25]"));
        Assert.Contains("fc.biass", e.Message); // the unexpected one is named first
        var e2 = Error(Airline.Replace(", \"fc.bias\": [0.25]", ""));
        Assert.Equal("fc.bias", e2.Item);
        Assert.Contains("missing tensor 'fc.bias'", e2.Message);
    }

    [Fact]
    public void When_WrongShape_Expect_ErrorNamingTensorAndShapes()
    {
        var e = Error(Airline.Replace("[[1.5, -2.5]]", "[[1.5, -2.5, 3]]"));
        Assert.Equal("fc.weight", e.Item);
        Assert.Contains("(1, 3)", e.Message);
        Assert.Contains("expected (1, 2)", e.Message);
        var ragged = Error(Airline.Replace("[[0.1, 0.2], [0.3, 0.4]", "[[0.1, 0.2], [0.3]"));
        Assert.Contains("ragged", ragged.Message);
    }

    [Fact]
    public void When_UnknownType_Expect_ErrorNamingLayerAndType()
    {
        var e = Error(Airline.Replace("\"type\": \"Linear\"", "\"type\": \"GRU\""));
        Assert.Equal("fc", e.Item);
        Assert.Contains("unknown type 'GRU'", e.Message);
    }

    [Fact]
    public void When_LayersDoNotChain_Expect_ErrorNamingTheLayer()
    {
        var e = Error(Airline.Replace("\"in_features\": 2", "\"in_features\": 3").Replace("[[1.5, -2.5]]", "[[1.5, -2.5, 0]]"));
        Assert.Equal("fc", e.Item);
        Assert.Contains("expects 3 input features, got 2", e.Message);
    }

    [Fact]
    public void When_MissingField_Expect_ErrorNamingLayerAndField()
    {
        var e = Error(Airline.Replace("\"hidden_size\": 2, ", ""));
        Assert.Equal("lstm", e.Item);
        Assert.Contains("hidden_size", e.Message);
    }

    [Fact]
    public void When_JsonSyntaxError_Expect_LineAndColumn()
    {
        var e = Error("{\"format\": \"hwsim-model/1\",\n  \"layers\": [,]}");
        Assert.Equal(2, e.Line);
        Assert.Equal(14, e.Column);
        Assert.StartsWith("line 2:14: invalid JSON", e.Message);
    }

    [Fact]
    public void When_WrongFormat_Expect_Error()
    {
        Assert.Contains("unsupported format", Error(Airline.Replace("hwsim-model/1", "hwsim-model/9")).Message);
        Assert.Contains("format", Error("{\"layers\": []}").Message);
    }

    [Fact]
    public void When_LoadedFromFile_Expect_FileInMessage()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hwsim-bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\n\"format\": }");
        try
        {
            var e = Assert.Throws<ModelFormatException>(() => ModelFile.Load(path));
            Assert.StartsWith($"{path}:2:", e.Message);
            Assert.Equal(path, e.File);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void When_SavedOverAnExistingFile_Expect_NoTemporaryFilesLeft()
    {
        var dir = Directory.CreateTempSubdirectory("hwsim-save-").FullName;
        try
        {
            var model = new NetworkModel("m", new Sequential(new Linear("fc", 2, 1)));
            var path = Path.Combine(dir, "m.json");
            ModelFile.Save(model, path);
            ModelFile.Save(model, path);
            Assert.Equal(["m.json"], Directory.GetFiles(dir).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
