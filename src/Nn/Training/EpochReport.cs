namespace Hwsim.Nn.Training;

/// <summary>Progress after one epoch; <see cref="ValidationLoss"/> is NaN without a validation set.</summary>
public sealed record EpochReport(int Epoch, int Epochs, double TrainLoss, double ValidationLoss);
