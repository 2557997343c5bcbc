namespace Hwsim.Bridge;
