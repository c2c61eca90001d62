# The example wires sizing into the AWS module; planned against a mocked provider.

mock_provider "aws" {
  mock_data "aws_iam_policy_document" {
    defaults = {
      json = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
    }
  }
}

variables {
  vpc_id     = "vpc-0123456789abcdef0"
  subnet_ids = ["subnet-0a", "subnet-0b"]
  ami_id     = "ami-0123456789abcdef0"
}

run "example_plans_the_spec_figures" {
  command = plan

  assert {
    condition     = output.members.baseline == 13 && output.members.season_saturday == 94 && output.memory_limit == "1638m"
    error_message = "The example should size the spec's figures: ${jsonencode(output.members)}."
  }
}
