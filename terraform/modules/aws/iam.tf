data "aws_iam_policy_document" "assume_ec2" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

# Hazelcast's AWS discovery needs only ec2:DescribeInstances (which has no resource-level permissions).
data "aws_iam_policy_document" "member" {
  statement {
    sid       = "HazelcastDiscovery"
    actions   = ["ec2:DescribeInstances"]
    resources = ["*"]
  }

  dynamic "statement" {
    for_each = var.cloudwatch_scaling.enabled ? [1] : []
    content {
      sid       = "DesiredMembersMetric"
      actions   = ["cloudwatch:PutMetricData"]
      resources = ["*"]
      condition {
        test     = "StringEquals"
        variable = "cloudwatch:namespace"
        values   = [var.cloudwatch_scaling.namespace]
      }
    }
  }
}

resource "aws_iam_role" "member" {
  name               = "${var.name}-member"
  assume_role_policy = data.aws_iam_policy_document.assume_ec2.json
  tags               = local.tags
}

resource "aws_iam_role_policy" "member" {
  name   = "${var.name}-member"
  role   = aws_iam_role.member.id
  policy = data.aws_iam_policy_document.member.json
}

resource "aws_iam_instance_profile" "member" {
  name = "${var.name}-member"
  role = aws_iam_role.member.name
  tags = local.tags
}
